package io.camelexo.exchangeonline.springboot;

import io.camelexo.exchangeonline.ExoOutputType;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.auth.ExoAuthMethod;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of an exo/scc endpoint as Spring Boot properties, with the component's names, descriptions and
 * defaults: the options of a named connection ({@code camel.exchangeonline.connections.NAME.*}) and the endpoint
 * options of the components ({@code camel.component.exo.*}, {@code camel.component.scc.*}). Only the options written
 * in the configuration are applied (see {@link WrittenOptions}), so a default here never overrides a value set
 * elsewhere. Options that take a bean are written as a reference, {@code #beanName}, as in an endpoint URI.
 */
public class ExoConnectionOptions {

    /** A customer tenant managed through CSP/GDAP (-DelegatedOrganization): its onmicrosoft.com domain or tenant id. */
    private String delegatedOrganization;
    /**
     * The cloud, as -ExchangeEnvironmentName: O365Default (commercial and GCC), O365USGovGCCHigh, O365USGovDoD,
     * O365GermanyCloud, O365China.
     */
    private ExoEnvironment environment = ExoEnvironment.O365Default;
    /** The tenant: its initial *.onmicrosoft.com domain or tenant id (-Organization). Required for app-only sign-in. */
    private String organization;
    /** Do not send the X-AnchorMailbox routing hint (-BypassMailboxAnchoring). */
    private Boolean bypassMailboxAnchoring = false;
    /** Name of the cmdlet parameter the message body is bound to, e.g. Identity. */
    private String inBody;
    /** Converts each record (a Map) to this class with Jackson. */
    private Class<?> outputClass;
    /**
     * List: all records in a list. Stream: a lazy iterator for split(body()).streaming(), pages fetched as the split reaches
     * them. Single: the first record or null.
     */
    private ExoOutputType outputType = ExoOutputType.List;
    /** Records per page, 1 to 1000 (-PageSize; Prefer: odata.maxpagesize). */
    private Integer pageSize = 1000;
    /**
     * Cmdlet parameters in any case: parameters.Identity=anna@contoso.com. Options starting with an upper-case letter
     * (ResultSize=Unlimited) are cmdlet parameters too.
     */
    private Map<String, String> parameters = new LinkedHashMap<>();
    /**
     * Properties to return, comma-separated: trimmed by the service ($select), like Select-Object but before the data
     * travels.
     */
    private String select;
    /**
     * Overrides the Entra ID authority (-AzureADAuthorizationEndpointUri), e.g.
     * https://login.microsoftonline.com/contoso.onmicrosoft.com.
     */
    private String azureADAuthorizationEndpointUri;
    /**
     * Overrides the service base URI of the environment (-ConnectionUri): the Exchange Online host, or for scc the Security
     * & Compliance front door. A path (such as /powershell-liveid/) is ignored.
     */
    private String connectionUri;
    /** Connection timeout. */
    private Duration connectTimeout = Duration.ofSeconds(30);
    /**
     * An msal4j IHttpClient for sign-in requests instead of msal4j's own (a custom proxy stack, or a test's fake identity
     * provider). Give a bean reference: #beanName.
     */
    private String identityHttpClient;
    /**
     * Retries after the first attempt. Reads are retried on 408, 429, 5xx, the tenant concurrency rejection and transient
     * server exceptions; writes only when the service certainly did not run them (429, concurrency rejection).
     */
    private Integer maxRetries = 5;
    /**
     * How auth=interactive opens the sign-in page (an msal4j OpenBrowserAction bean); default: the desktop's browser. Give a
     * bean reference: #beanName.
     */
    private String openBrowserAction;
    /** How long one HTTP request may take (the module allows 960 s; the service stops cmdlets after about 15 min). */
    private Duration requestTimeout = Duration.ofMinutes(16);
    /** Wait before the first retry when the service sends no Retry-After; doubled each retry, with jitter. */
    private Duration retryInitialDelay = Duration.ofSeconds(2);
    /** Longest wait between retries, also capping the service's Retry-After. */
    private Duration retryMaxDelay = Duration.ofMinutes(1);
    /**
     * The RSA public key for SecureString and PSCredential parameters (New-Mailbox -Password...), as .NET XML . By default
     * the session reads it from the module file the service serves at connect time, the first time a call needs it.
     */
    private String secureStringPublicKey;
    /** HTTP proxy host for the Admin API and sign-in. */
    private String proxyHost;
    /** HTTP proxy port. */
    private Integer proxyPort;
    /**
     * An access token obtained elsewhere (-AccessToken); its tenant (tid) and user are read from it. Prefer
     * accessTokenProvider for tokens that expire while the route runs.
     */
    private String accessToken;
    /**
     * A bean that supplies access tokens; asked again when its last token is within five minutes of expiry and after the
     * service refused a token. Give a bean reference: #beanName.
     */
    private String accessTokenProvider;
    /**
     * Application (client) id of the app registration (-AppId). Delegated sign-in defaults to the module's public client
     * fb78d390-0c51-40cd-8e17-fdbfab77341b, present in every tenant.
     */
    private String appId;
    /**
     * Sign-in method. App-only: certificate, clientSecret, managedIdentity; supplied: accessToken; delegated: deviceCode
     * (servers without a browser), credential (user name and password, accounts without MFA only), interactive (browser on
     * this machine). When omitted it follows from the credential given: a certificate option means certificate, clientSecret
     * means clientSecret, accessToken or accessTokenProvider means accessToken, password means credential.
     */
    private ExoAuthMethod auth;
    /**
     * The app's private key and certificate chain as a bean (java.security.KeyStore.PrivateKeyEntry), e.g. loaded from a
     * vault (-Certificate). Give a bean reference: #beanName.
     */
    private String certificate;
    /**
     * The app's certificate and private key (-CertificateFilePath): a PFX/P12 file, a PEM file (PKCS#8, PKCS#1 or encrypted
     * PKCS#8 key with the certificate chain), or with certificateThumbprint a PKCS12/JKS key store to search.
     */
    private String certificateFilePath;
    /** Password of the certificate file, key store or encrypted PEM key (-CertificatePassword). */
    private String certificatePassword;
    /**
     * SHA-1 thumbprint of the certificate to use from the key store in certificateFilePath (or the JVM's
     * javax.net.ssl.keyStore), as -CertificateThumbprint picks from the Windows store.
     */
    private String certificateThumbprint;
    /** Client secret of the app registration. */
    private String clientSecret;
    /**
     * Cmdlets this endpoint may run, comma-separated with * wildcards (-CommandName), e.g. Get-*,Set-Mailbox. Others are
     * refused before any request, also when named by the CamelExoCmdlet header.
     */
    private String commandName;
    /**
     * A bean told the device code of auth=deviceCode (besides the WARN log line), e.g. to post it to a chat channel. Give a
     * bean reference: #beanName.
     */
    private String deviceCodeListener;
    /**
     * Client id, or resource id (/subscriptions/...), of a user-assigned managed identity (-ManagedIdentityAccountId);
     * without it auth=managedIdentity uses the system-assigned identity.
     */
    private String managedIdentityAccountId;
    /**
     * The admin's password for auth=credential (-Credential). Works only for accounts without MFA or Conditional Access
     * requiring it; prefer certificate or managedIdentity for servers.
     */
    private String password;
    /** How long the route start waits for a person to finish a deviceCode or interactive sign-in. */
    private Duration signInTimeout = Duration.ofMinutes(15);
    /**
     * TLS configuration for the Admin API and sign-in connections; it replaces the JVM's trust (for a TLS-inspecting
     * proxy, include the public CAs with the proxy's). Verification is never switched off. Give a bean reference: #beanName.
     */
    private String sslContextParameters;
    /**
     * File that keeps the token cache of delegated sign-in (deviceCode, credential, interactive) across restarts, created
     * readable by its owner only. It holds refresh tokens: protect it like a password.
     */
    private String tokenCacheFile;
    /**
     * The admin's user principal name (-UserPrincipalName): the account for auth=credential, the login hint and cached
     * account for deviceCode and interactive.
     */
    private String userPrincipalName;

    public String getDelegatedOrganization() {
        return delegatedOrganization;
    }

    public void setDelegatedOrganization(String delegatedOrganization) {
        this.delegatedOrganization = delegatedOrganization;
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

    public Boolean getBypassMailboxAnchoring() {
        return bypassMailboxAnchoring;
    }

    public void setBypassMailboxAnchoring(Boolean bypassMailboxAnchoring) {
        this.bypassMailboxAnchoring = bypassMailboxAnchoring;
    }

    public String getInBody() {
        return inBody;
    }

    public void setInBody(String inBody) {
        this.inBody = inBody;
    }

    public Class<?> getOutputClass() {
        return outputClass;
    }

    public void setOutputClass(Class<?> outputClass) {
        this.outputClass = outputClass;
    }

    public ExoOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(ExoOutputType outputType) {
        this.outputType = outputType;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public String getSelect() {
        return select;
    }

    public void setSelect(String select) {
        this.select = select;
    }

    public String getAzureADAuthorizationEndpointUri() {
        return azureADAuthorizationEndpointUri;
    }

    public void setAzureADAuthorizationEndpointUri(String azureADAuthorizationEndpointUri) {
        this.azureADAuthorizationEndpointUri = azureADAuthorizationEndpointUri;
    }

    public String getConnectionUri() {
        return connectionUri;
    }

    public void setConnectionUri(String connectionUri) {
        this.connectionUri = connectionUri;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getIdentityHttpClient() {
        return identityHttpClient;
    }

    public void setIdentityHttpClient(String identityHttpClient) {
        this.identityHttpClient = identityHttpClient;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getOpenBrowserAction() {
        return openBrowserAction;
    }

    public void setOpenBrowserAction(String openBrowserAction) {
        this.openBrowserAction = openBrowserAction;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public String getSecureStringPublicKey() {
        return secureStringPublicKey;
    }

    public void setSecureStringPublicKey(String secureStringPublicKey) {
        this.secureStringPublicKey = secureStringPublicKey;
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

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(String accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public ExoAuthMethod getAuth() {
        return auth;
    }

    public void setAuth(ExoAuthMethod auth) {
        this.auth = auth;
    }

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
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

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getCommandName() {
        return commandName;
    }

    public void setCommandName(String commandName) {
        this.commandName = commandName;
    }

    public String getDeviceCodeListener() {
        return deviceCodeListener;
    }

    public void setDeviceCodeListener(String deviceCodeListener) {
        this.deviceCodeListener = deviceCodeListener;
    }

    public String getManagedIdentityAccountId() {
        return managedIdentityAccountId;
    }

    public void setManagedIdentityAccountId(String managedIdentityAccountId) {
        this.managedIdentityAccountId = managedIdentityAccountId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getSignInTimeout() {
        return signInTimeout;
    }

    public void setSignInTimeout(Duration signInTimeout) {
        this.signInTimeout = signInTimeout;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTokenCacheFile() {
        return tokenCacheFile;
    }

    public void setTokenCacheFile(String tokenCacheFile) {
        this.tokenCacheFile = tokenCacheFile;
    }

    public String getUserPrincipalName() {
        return userPrincipalName;
    }

    public void setUserPrincipalName(String userPrincipalName) {
        this.userPrincipalName = userPrincipalName;
    }
}
