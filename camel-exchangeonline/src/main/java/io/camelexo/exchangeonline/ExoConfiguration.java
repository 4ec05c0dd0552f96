package io.camelexo.exchangeonline;

import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.auth.ExoAuthMethod;
import io.camelexo.exchangeonline.auth.ExoDeviceCodeListener;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Options of the exo and scc endpoints; set on the component they become every endpoint's defaults. */
@UriParams
public class ExoConfiguration implements Cloneable {

    // --- connection ---
    @UriParam(
            label = "common",
            defaultValue = "O365Default",
            description = "The cloud, as -ExchangeEnvironmentName: O365Default (commercial and GCC), O365USGovGCCHigh, "
                    + "O365USGovDoD, O365GermanyCloud, O365China.")
    private ExoEnvironment environment = ExoEnvironment.O365Default;

    @UriParam(
            label = "common",
            description =
                    "The tenant: its initial onmicrosoft.com domain (contoso.onmicrosoft.com) or tenant id (-Organization). "
                            + "Required for app-only sign-in.")
    private String organization;

    @UriParam(
            label = "common",
            description = "A customer tenant managed through CSP/GDAP (-DelegatedOrganization): "
                    + "its onmicrosoft.com domain or tenant id.")
    private String delegatedOrganization;

    @UriParam(
            label = "advanced",
            description =
                    "Overrides the service base URI of the environment (-ConnectionUri): the Exchange "
                            + "Online host, or for scc the Security & Compliance front door. A path (such as /powershell-liveid/) is ignored.")
    private String connectionUri;

    @UriParam(
            label = "advanced",
            description = "Overrides the Entra ID authority (-AzureADAuthorizationEndpointUri), "
                    + "e.g. https://login.microsoftonline.com/contoso.onmicrosoft.com.")
    private String azureADAuthorizationEndpointUri;

    @UriParam(
            label = "common",
            description = "Name of a connection defined once, as Spring Boot properties under "
                    + "camel.exchangeonline.connections.NAME or as a registry bean of type ExoConnection: its options apply over the "
                    + "component's, and the endpoint URI's options over both.")
    private String connection;

    // --- security ---
    @UriParam(
            label = "security",
            enums = "certificate,clientSecret,accessToken,managedIdentity,deviceCode,credential,interactive",
            description =
                    "Sign-in method. App-only: certificate, clientSecret, managedIdentity; supplied: accessToken; delegated: "
                            + "deviceCode (servers without a browser), credential (user name and password, accounts without MFA only), "
                            + "interactive (browser on this machine). When omitted it follows from the credential given: a certificate option "
                            + "means certificate, clientSecret means clientSecret, accessToken or accessTokenProvider means accessToken, "
                            + "password means credential.")
    private ExoAuthMethod auth;

    @UriParam(
            label = "security",
            description =
                    "Application (client) id of the app registration (-AppId). Delegated sign-in "
                            + "defaults to the module's public client fb78d390-0c51-40cd-8e17-fdbfab77341b, present in every tenant.")
    private String appId;

    @UriParam(label = "security", secret = true, description = "Client secret of the app registration.")
    private String clientSecret;

    @UriParam(
            label = "security",
            description = "The app's certificate and private key (-CertificateFilePath): a PFX/P12 file, "
                    + "a PEM file (PKCS#8, PKCS#1 or encrypted PKCS#8 key with the certificate chain), or with certificateThumbprint a "
                    + "PKCS12/JKS key store to search.")
    private String certificateFilePath;

    @UriParam(
            label = "security",
            secret = true,
            description =
                    "Password of the certificate file, key store or encrypted PEM key " + "(-CertificatePassword).")
    private String certificatePassword;

    @UriParam(
            label = "security",
            description =
                    "SHA-1 thumbprint of the certificate to use from the key store in "
                            + "certificateFilePath (or the JVM's javax.net.ssl.keyStore), as -CertificateThumbprint picks from the Windows store.")
    private String certificateThumbprint;

    @UriParam(
            label = "security",
            description =
                    "The app's private key and certificate chain as a bean (java.security.KeyStore.PrivateKeyEntry), "
                            + "e.g. loaded from a vault (-Certificate).")
    private KeyStore.PrivateKeyEntry certificate;

    @UriParam(
            label = "security",
            description = "Client id, or resource id (/subscriptions/...), of a user-assigned managed identity "
                    + "(-ManagedIdentityAccountId); without it auth=managedIdentity uses the system-assigned identity.")
    private String managedIdentityAccountId;

    @UriParam(
            label = "security",
            description = "The admin's user principal name (-UserPrincipalName): the account for auth=credential, "
                    + "the login hint and cached account for deviceCode and interactive.")
    private String userPrincipalName;

    @UriParam(
            label = "security",
            secret = true,
            description =
                    "The admin's password for auth=credential (-Credential). Works only for "
                            + "accounts without MFA or Conditional Access requiring it; prefer certificate or managedIdentity for servers.")
    private String password;

    @UriParam(
            label = "security",
            description = "A bean told the device code of auth=deviceCode (besides the WARN log line), "
                    + "e.g. to post it to a chat channel.")
    private ExoDeviceCodeListener deviceCodeListener;

    @UriParam(
            label = "security",
            defaultValue = "900000",
            javaType = "java.time.Duration",
            description = "How long the route start waits for a person to finish a deviceCode or interactive sign-in.")
    private long signInTimeout = 900000;

    @UriParam(
            label = "security",
            description =
                    "File that keeps the token cache of delegated sign-in (deviceCode, credential, "
                            + "interactive) across restarts, created readable by its owner only. It holds refresh tokens: protect it like a password.")
    private String tokenCacheFile;

    @UriParam(
            label = "advanced",
            description = "The RSA public key for SecureString and PSCredential parameters (New-Mailbox "
                    + "-Password...), as an RSAKeyValue XML element (the .NET key format). By default the session reads it from the module file the service serves at "
                    + "connect time, the first time a call needs it.")
    private String secureStringPublicKey;

    @UriParam(
            label = "advanced",
            description = "How auth=interactive opens the sign-in page (an msal4j OpenBrowserAction bean); "
                    + "default: the desktop's browser.")
    private OpenBrowserAction openBrowserAction;

    @UriParam(
            label = "security",
            secret = true,
            description =
                    "An access token obtained elsewhere (-AccessToken); its tenant "
                            + "(tid) and user are read from it. Prefer accessTokenProvider for tokens that expire while the route runs.")
    private String accessToken;

    @UriParam(
            label = "security",
            description = "A bean that supplies access tokens; asked again when its last token is "
                    + "within five minutes of expiry and after the service refused a token.")
    private ExoAccessTokenProvider accessTokenProvider;

    @UriParam(
            label = "security",
            description =
                    "Cmdlets this endpoint may run, comma-separated with * wildcards (-CommandName), "
                            + "e.g. Get-*,Set-Mailbox. Others are refused before any request, also when named by the CamelExoCmdlet header.")
    private String commandName;

    @UriParam(
            label = "security",
            description =
                    "TLS configuration for the Admin API and sign-in connections; it replaces the JVM's "
                            + "trust (for a TLS-inspecting proxy, include the public CAs with the proxy's). Verification is never switched off.")
    private SSLContextParameters sslContextParameters;

    // --- producer ---
    @UriParam(
            label = "producer",
            defaultValue = "List",
            enums = "List,Stream,Single",
            description =
                    "List: all records in a list. Stream: a lazy iterator for split(body()).streaming(), pages fetched "
                            + "as the split reaches them. Single: the first record or null.")
    private ExoOutputType outputType = ExoOutputType.List;

    @UriParam(label = "producer", description = "Converts each record (a Map) to this class with Jackson.")
    private Class<?> outputClass;

    @UriParam(
            label = "producer",
            description = "Name of the cmdlet parameter the message body is bound to, e.g. Identity.")
    private String inBody;

    @UriParam(
            label = "producer",
            description = "Properties to return, comma-separated: trimmed by the service ($select), "
                    + "like Select-Object but before the data travels.")
    private String select;

    @UriParam(
            label = "producer",
            defaultValue = "1000",
            description = "Records per page, 1 to 1000 (-PageSize; Prefer: odata.maxpagesize).")
    private int pageSize = 1000;

    @UriParam(
            label = "producer,throughput",
            defaultValue = "1",
            description =
                    "Pages requested ahead while the route works on the current one, 0 to 4, for outputType=Stream "
                            + "listings: heap holds at most 1 + prefetchPages pages of the listing; stopping early or a failure "
                            + "cancels what was requested ahead.")
    private int prefetchPages = 1;

    @UriParam(
            label = "producer,throughput",
            defaultValue = "false",
            description = "Run the cmdlet once per item of the body (an Iterable, array or Iterator) in JSON batch "
                    + "requests of up to batchSize items. An item that is a Map is that call's parameters (over the "
                    + "URI's); any other item binds to the inBody parameter. The body becomes a list, one entry per "
                    + "item in input order: Input, Records, Warnings, Error.")
    private boolean bulk;

    @UriParam(
            label = "producer,throughput",
            defaultValue = "10",
            description = "Items per JSON batch request with bulk=true, 1 to 10.")
    private int batchSize = 10;

    @UriParam(
            label = "producer,throughput",
            defaultValue = "1",
            description = "Read a ResultSize=Unlimited listing of Get-Mailbox, Get-Recipient, Get-EXOMailbox or "
                    + "Get-EXORecipient with this many readers at once (1 to 64), each taking the next of four Name "
                    + "ranges per reader (at most 64), merged into one result with the same records as a sequential "
                    + "listing; the order of records is not kept.")
    private int parallelPaging = 1;

    @UriParam(
            label = "consumer,feed",
            description = "Where a time-window feed (Search-UnifiedAuditLog in from()) without a saved watermark "
                    + "begins: an ISO-8601 instant (2026-11-01T00:00:00Z) or a period back from now (P7D, PT6H). "
                    + "Default P1D.")
    private String startDate;

    @UriParam(
            label = "consumer,feed",
            defaultValue = "PT1H",
            description =
                    "Longest window a time-window feed reads in one query (ISO-8601 duration); a window with more "
                            + "records than the service returns per search is halved until each part fits.")
    private String windowSize = "PT1H";

    @UriParam(
            label = "consumer,feed",
            defaultValue = "PT1H",
            description =
                    "A time-window feed never reads closer to now than this (ISO-8601 duration): the service makes "
                            + "audit events searchable up to 30 minutes (Exchange) or 24 hours (Entra sign-ins) after they "
                            + "happen.")
    private String ingestionLag = "PT1H";

    @UriParam(
            label = "consumer,feed",
            defaultValue = "PT0S",
            description = "Each poll of a time-window feed also reads this much before the watermark again (ISO-8601 "
                    + "duration), for events the service makes searchable later than ingestionLag; records read again "
                    + "carry the same CamelExoRecordId, so an idempotent sink keeps them once.")
    private String overlap = "PT0S";

    @UriParam(
            label = "consumer,feed",
            description = "Where a time-window feed keeps its watermark: an "
                    + "org.apache.camel.spi.StateRepository<String, String> bean; default a file in stateDirectory.")
    private StateRepository<String, String> stateRepository;

    @UriParam(
            label = "consumer,feed",
            defaultValue = "exo-state",
            description = "Directory of the file that keeps time-window feeds' watermarks when no stateRepository is "
                    + "given.")
    private String stateDirectory = "exo-state";

    @UriParam(
            label = "consumer,feed",
            description = "The key of this feed's watermark in the state repository; default derived from the "
                    + "service, organization, cmdlet and its parameters (so changing a filter starts a new feed).")
    private String feedId;

    @UriParam(
            label = "throughput",
            defaultValue = "8",
            description = "Most HTTP requests one session has in flight at once, across every endpoint, route and "
                    + "thread that shares it; more wait their turn in order (they do not fail). The first endpoint "
                    + "of a session fixes it.")
    private int maxConcurrentRequests = 8;

    @UriParam(
            label = "producer",
            prefix = "parameters.",
            multiValue = true,
            description = "Cmdlet parameters in any case: parameters.Identity=anna.jones. Options starting with an "
                    + "upper-case letter (ResultSize=Unlimited) are cmdlet parameters too.")
    private Map<String, Object> parameters = new LinkedHashMap<>();

    @UriParam(
            label = "producer",
            description = "Do not send the X-AnchorMailbox routing hint (-BypassMailboxAnchoring).")
    private boolean bypassMailboxAnchoring;

    // --- transport ---
    @UriParam(
            label = "advanced",
            defaultValue = "5",
            description = "Retries after the first attempt. Reads are retried on "
                    + "408, 429, 5xx, the tenant concurrency rejection and transient server exceptions; writes only when the service "
                    + "certainly did not run them (429, concurrency rejection).")
    private int maxRetries = 5;

    @UriParam(
            label = "advanced",
            defaultValue = "2000",
            javaType = "java.time.Duration",
            description =
                    "Wait before the first retry when the service sends no Retry-After; doubled each retry, with jitter.")
    private long retryInitialDelay = 2000;

    @UriParam(
            label = "advanced",
            defaultValue = "60000",
            javaType = "java.time.Duration",
            description = "Longest wait between retries, also capping the service's Retry-After.")
    private long retryMaxDelay = 60000;

    @UriParam(
            label = "advanced",
            defaultValue = "960000",
            javaType = "java.time.Duration",
            description =
                    "How long one HTTP request may take (the module allows 960 s; the service stops cmdlets after about 15 min).")
    private long requestTimeout = 960000;

    @UriParam(
            label = "advanced",
            defaultValue = "30000",
            javaType = "java.time.Duration",
            description = "Connection timeout.")
    private long connectTimeout = 30000;

    @UriParam(label = "proxy", description = "HTTP proxy host for the Admin API and sign-in.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(
            label = "advanced",
            description = "An msal4j IHttpClient for sign-in requests instead of msal4j's own "
                    + "(a custom proxy stack, or a test's fake identity provider).")
    private IHttpClient identityHttpClient;

    public ExoConfiguration copy() {
        try {
            ExoConfiguration copy = (ExoConfiguration) clone();
            copy.parameters = new LinkedHashMap<>(parameters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public ExoEnvironment getEnvironment() {
        return environment;
    }

    public void setEnvironment(ExoEnvironment environment) {
        this.environment = environment;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getDelegatedOrganization() {
        return delegatedOrganization;
    }

    public void setDelegatedOrganization(String delegatedOrganization) {
        this.delegatedOrganization = delegatedOrganization;
    }

    public String getConnectionUri() {
        return connectionUri;
    }

    public void setConnectionUri(String connectionUri) {
        this.connectionUri = connectionUri;
    }

    public String getAzureADAuthorizationEndpointUri() {
        return azureADAuthorizationEndpointUri;
    }

    public void setAzureADAuthorizationEndpointUri(String azureADAuthorizationEndpointUri) {
        this.azureADAuthorizationEndpointUri = azureADAuthorizationEndpointUri;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public ExoAuthMethod getAuth() {
        return auth;
    }

    public void setAuth(ExoAuthMethod auth) {
        this.auth = auth;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getCertificateFilePath() {
        return certificateFilePath;
    }

    public void setCertificateFilePath(String certificateFilePath) {
        this.certificateFilePath = certificateFilePath;
    }

    public String getCertificatePassword() {
        return certificatePassword;
    }

    public void setCertificatePassword(String certificatePassword) {
        this.certificatePassword = certificatePassword;
    }

    public String getCertificateThumbprint() {
        return certificateThumbprint;
    }

    public void setCertificateThumbprint(String certificateThumbprint) {
        this.certificateThumbprint = certificateThumbprint;
    }

    public KeyStore.PrivateKeyEntry getCertificate() {
        return certificate;
    }

    public void setCertificate(KeyStore.PrivateKeyEntry certificate) {
        this.certificate = certificate;
    }

    public String getManagedIdentityAccountId() {
        return managedIdentityAccountId;
    }

    public void setManagedIdentityAccountId(String managedIdentityAccountId) {
        this.managedIdentityAccountId = managedIdentityAccountId;
    }

    public String getUserPrincipalName() {
        return userPrincipalName;
    }

    public void setUserPrincipalName(String userPrincipalName) {
        this.userPrincipalName = userPrincipalName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public ExoDeviceCodeListener getDeviceCodeListener() {
        return deviceCodeListener;
    }

    public void setDeviceCodeListener(ExoDeviceCodeListener deviceCodeListener) {
        this.deviceCodeListener = deviceCodeListener;
    }

    public long getSignInTimeout() {
        return signInTimeout;
    }

    public void setSignInTimeout(long signInTimeout) {
        this.signInTimeout = signInTimeout;
    }

    public String getTokenCacheFile() {
        return tokenCacheFile;
    }

    public void setTokenCacheFile(String tokenCacheFile) {
        this.tokenCacheFile = tokenCacheFile;
    }

    public String getSecureStringPublicKey() {
        return secureStringPublicKey;
    }

    public void setSecureStringPublicKey(String secureStringPublicKey) {
        this.secureStringPublicKey = secureStringPublicKey;
    }

    public OpenBrowserAction getOpenBrowserAction() {
        return openBrowserAction;
    }

    public void setOpenBrowserAction(OpenBrowserAction openBrowserAction) {
        this.openBrowserAction = openBrowserAction;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public ExoAccessTokenProvider getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(ExoAccessTokenProvider accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
    }

    public String getCommandName() {
        return commandName;
    }

    public void setCommandName(String commandName) {
        this.commandName = commandName;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public ExoOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(ExoOutputType outputType) {
        this.outputType = outputType;
    }

    public Class<?> getOutputClass() {
        return outputClass;
    }

    public void setOutputClass(Class<?> outputClass) {
        this.outputClass = outputClass;
    }

    public String getInBody() {
        return inBody;
    }

    public void setInBody(String inBody) {
        this.inBody = inBody;
    }

    public String getSelect() {
        return select;
    }

    public void setSelect(String select) {
        this.select = select;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getPrefetchPages() {
        return prefetchPages;
    }

    public void setPrefetchPages(int prefetchPages) {
        this.prefetchPages = prefetchPages;
    }

    public boolean isBulk() {
        return bulk;
    }

    public void setBulk(boolean bulk) {
        this.bulk = bulk;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getWindowSize() {
        return windowSize;
    }

    public void setWindowSize(String windowSize) {
        this.windowSize = windowSize;
    }

    public String getIngestionLag() {
        return ingestionLag;
    }

    public void setIngestionLag(String ingestionLag) {
        this.ingestionLag = ingestionLag;
    }

    public String getOverlap() {
        return overlap;
    }

    public void setOverlap(String overlap) {
        this.overlap = overlap;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public String getFeedId() {
        return feedId;
    }

    public void setFeedId(String feedId) {
        this.feedId = feedId;
    }

    public int getParallelPaging() {
        return parallelPaging;
    }

    public void setParallelPaging(int parallelPaging) {
        this.parallelPaging = parallelPaging;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Map<String, Object> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    public boolean isBypassMailboxAnchoring() {
        return bypassMailboxAnchoring;
    }

    public void setBypassMailboxAnchoring(boolean bypassMailboxAnchoring) {
        this.bypassMailboxAnchoring = bypassMailboxAnchoring;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public IHttpClient getIdentityHttpClient() {
        return identityHttpClient;
    }

    public void setIdentityHttpClient(IHttpClient identityHttpClient) {
        this.identityHttpClient = identityHttpClient;
    }
}
