package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.adminapi.CallOptions;
import io.camelexo.exchangeonline.adminapi.CmdletRequest;
import io.camelexo.exchangeonline.adminapi.ExoService;
import io.camelexo.exchangeonline.adminapi.RetryPolicy;
import io.camelexo.exchangeonline.adminapi.SecureStringKey;
import io.camelexo.exchangeonline.auth.Credentials;
import io.camelexo.exchangeonline.auth.ExoAuthMethod;
import io.camelexo.exchangeonline.session.ExoSession;
import io.camelexo.exchangeonline.session.SessionSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one cmdlet (or a local cmdlet such as Get-ConnectionInformation) of Exchange Online or Security & Compliance.
 * The endpoint owns its session for its lifetime: started = signed in, stopped = released.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "exo,scc", title = "Exchange Online,Security and Compliance",
             syntax = "exo:cmdlet", producerOnly = true, lenientProperties = true, remote = true,
             category = {Category.CLOUD, Category.MANAGEMENT}, headersClass = ExoConstants.class)
public class ExoEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    static final Set<String> SECRET_OPTIONS = Set.of("clientSecret", "certificatePassword", "accessToken", "password");

    @UriPath(description = "The cmdlet to run, e.g. Get-Mailbox, Set-Mailbox, Get-EXOMailbox, Get-RetentionCompliancePolicy, "
            + "or a local cmdlet: Get-ConnectionInformation, Disconnect-ExchangeOnline.")
    @Metadata(required = true)
    private final String cmdlet;

    @UriParam
    private final ExoConfiguration configuration;

    private final ExoService service;
    private ExoSession session;

    ExoEndpoint(String uri, ExoComponent component, String scheme, String cmdlet, ExoConfiguration configuration) {
        super(uri, component);
        this.service = ExoService.forScheme(scheme);
        this.cmdlet = cmdlet;
        this.configuration = configuration;
    }

    @Override
    public boolean isLenientProperties() {
        // PascalCase cmdlet parameters pass through; ExoComponent rejects unknown lower-case options itself
        return true;
    }

    @Override
    public Producer createProducer() {
        return new ExoProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getEndpointBaseUri() + " runs cmdlets from a route: use it in to(), not from()");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        session = getComponent().sessions().acquire(sessionSettings());
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            getComponent().sessions().release(session);
            session = null;
        }
        super.doStop();
    }

    /** Rejects contradictory or incomplete options while the endpoint is created, naming the option. */
    void validateOptions() {
        ExoConfiguration c = configuration;
        // an empty value on the endpoint clears a component default (accessToken= next to accessTokenProvider=#bean)
        c.setClientSecret(blankToNull(c.getClientSecret()));
        c.setCertificateFilePath(blankToNull(c.getCertificateFilePath()));
        c.setCertificateThumbprint(blankToNull(c.getCertificateThumbprint()));
        c.setAccessToken(blankToNull(c.getAccessToken()));
        c.setPassword(blankToNull(c.getPassword()));
        if (c.getPageSize() < 1 || c.getPageSize() > CmdletRequest.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, got " + c.getPageSize());
        }
        if (c.getMaxRetries() < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + c.getMaxRetries());
        }
        if ((c.getProxyHost() == null) != (c.getProxyPort() == null)) {
            throw new IllegalArgumentException("proxyHost and proxyPort go together");
        }
        List<Map.Entry<ExoAuthMethod, String>> given = givenCredentials();
        if (given.size() > 1) {
            throw new IllegalArgumentException("Give one credential, not "
                    + given.stream().map(Map.Entry::getValue).collect(Collectors.joining(" and ")) + " at once");
        }
        ExoAuthMethod method = authMethod();
        if (method == null) {
            throw new IllegalArgumentException("No credential on " + getEndpointBaseUri() + ": set auth (" + Arrays.toString(ExoAuthMethod.values())
                    + ") and its credential");
        }
        String needed = switch (method) {
            case certificate -> "certificateFilePath, certificateThumbprint or certificate";
            case clientSecret -> "clientSecret";
            case accessToken -> "accessToken or accessTokenProvider";
            case credential -> "userPrincipalName and password";
            case managedIdentity, deviceCode, interactive -> null;
        };
        if (!given.isEmpty() && given.get(0).getKey() != method) {
            throw new IllegalArgumentException("auth=" + method + (needed != null ? " needs " + needed + ", not " : " does not use ")
                    + given.get(0).getValue());
        }
        boolean incomplete = method == ExoAuthMethod.credential ? isBlank(c.getUserPrincipalName()) || c.getPassword() == null
                : needed != null && given.isEmpty();
        if (incomplete) {
            throw new IllegalArgumentException("auth=" + method + " needs " + needed);
        }
        if (method == ExoAuthMethod.accessToken && c.getAccessTokenProvider() != null && isBlank(c.getOrganization())
                && isBlank(c.getDelegatedOrganization())) {
            throw new IllegalArgumentException("auth=accessToken with accessTokenProvider needs organization");
        }
        boolean appOnly = method == ExoAuthMethod.certificate || method == ExoAuthMethod.clientSecret || method == ExoAuthMethod.managedIdentity;
        if (appOnly && isBlank(c.getOrganization())) {
            throw new IllegalArgumentException("auth=" + method + " signs in app-only and needs organization "
                    + "(the tenant's initial *.onmicrosoft.com domain or tenant id), as -Organization does");
        }
        if ((method == ExoAuthMethod.certificate || method == ExoAuthMethod.clientSecret) && isBlank(c.getAppId())) {
            throw new IllegalArgumentException("auth=" + method + " needs appId (the app registration's application id)");
        }
        if (c.getTokenCacheFile() != null && !method.isDelegated()) {
            throw new IllegalArgumentException("tokenCacheFile keeps delegated sign-ins (deviceCode, credential, interactive), not auth=" + method);
        }
        if (!isBlank(c.getSecureStringPublicKey()) && SecureStringKey.find(c.getSecureStringPublicKey()) == null) {
            throw new IllegalArgumentException("secureStringPublicKey must hold <RSAKeyValue><Modulus>...</Modulus><Exponent>...</Exponent></RSAKeyValue>");
        }
        if (service == ExoService.COMPLIANCE && !isBlank(c.getDelegatedOrganization()) && isBlank(c.getAzureADAuthorizationEndpointUri())) {
            throw new IllegalArgumentException("scc with delegatedOrganization needs azureADAuthorizationEndpointUri, as Connect-IPPSSession "
                    + "does: https://" + c.getEnvironment().authorityHost() + "/" + c.getDelegatedOrganization());
        }
    }

    /** The credential options present on the endpoint, each with the method it belongs to. */
    private List<Map.Entry<ExoAuthMethod, String>> givenCredentials() {
        ExoConfiguration c = configuration;
        List<Map.Entry<ExoAuthMethod, String>> given = new ArrayList<>();
        if (c.getClientSecret() != null) {
            given.add(Map.entry(ExoAuthMethod.clientSecret, "clientSecret"));
        }
        if (c.getCertificate() != null || c.getCertificateFilePath() != null || c.getCertificateThumbprint() != null) {
            given.add(Map.entry(ExoAuthMethod.certificate, c.getCertificate() != null ? "certificate"
                    : c.getCertificateFilePath() != null ? "certificateFilePath" : "certificateThumbprint"));
        }
        if (c.getAccessToken() != null) {
            given.add(Map.entry(ExoAuthMethod.accessToken, "accessToken"));
        }
        if (c.getAccessTokenProvider() != null) {
            given.add(Map.entry(ExoAuthMethod.accessToken, "accessTokenProvider"));
        }
        if (c.getPassword() != null) {
            given.add(Map.entry(ExoAuthMethod.credential, "password"));
        }
        return given;
    }

    /** The explicit auth option, else the one the only credential given implies. */
    ExoAuthMethod authMethod() {
        if (configuration.getAuth() != null) {
            return configuration.getAuth();
        }
        List<Map.Entry<ExoAuthMethod, String>> given = givenCredentials();
        return given.size() == 1 ? given.get(0).getKey() : null;
    }

    Credentials credentials() {
        ExoConfiguration c = configuration;
        return new Credentials().method(authMethod()).appId(blankToNull(c.getAppId()))
                .clientSecret(c.getClientSecret())
                .certificateFilePath(c.getCertificateFilePath()).certificatePassword(c.getCertificatePassword())
                .certificateThumbprint(c.getCertificateThumbprint()).certificate(c.getCertificate())
                .accessToken(c.getAccessToken()).accessTokenProvider(c.getAccessTokenProvider())
                .managedIdentityAccountId(blankToNull(c.getManagedIdentityAccountId()))
                .userPrincipalName(blankToNull(c.getUserPrincipalName())).password(c.getPassword())
                .deviceCodeListener(c.getDeviceCodeListener()).browser(c.getOpenBrowserAction())
                .signInTimeout(Duration.ofMillis(c.getSignInTimeout())).tokenCacheFile(blankToNull(c.getTokenCacheFile()));
    }

    SessionSettings sessionSettings() throws Exception {
        ExoConfiguration c = configuration;
        SSLContext sslContext = c.getSslContextParameters() != null ? getComponent().sslContext(c.getSslContextParameters()) : null;
        InetSocketAddress proxy = c.getProxyHost() != null ? InetSocketAddress.createUnresolved(c.getProxyHost(), c.getProxyPort()) : null;
        return new SessionSettings(service, c.getEnvironment(), c.getConnectionUri(), c.getAzureADAuthorizationEndpointUri(),
                c.getOrganization(), c.getDelegatedOrganization(), credentials(), sslContext, proxy, Duration.ofMillis(c.getConnectTimeout()),
                c.getIdentityHttpClient(), blankToNull(c.getSecureStringPublicKey()));
    }

    CallOptions callOptions() {
        return new CallOptions(new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryInitialDelay()),
                Duration.ofMillis(configuration.getRetryMaxDelay())), Duration.ofMillis(configuration.getRequestTimeout()),
                !configuration.isBypassMailboxAnchoring());
    }

    /** The cmdlet parameters of the URI, in the order written. */
    Map<String, Object> uriParameters() {
        return new LinkedHashMap<>(configuration.getParameters());
    }

    List<String> selectedProperties() {
        if (isBlank(configuration.getSelect())) {
            return List.of();
        }
        return Arrays.stream(configuration.getSelect().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    ExoSession getSession() {
        return session;
    }

    @Override
    public ExoComponent getComponent() {
        return (ExoComponent) super.getComponent();
    }

    public String getCmdlet() {
        return cmdlet;
    }

    public ExoService getService() {
        return service;
    }

    public ExoConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public String getServiceUrl() {
        return session != null ? String.valueOf(session.connectionInformation(configuration.getPageSize()).get("ConnectionUri"))
                : configuration.getConnectionUri() != null ? configuration.getConnectionUri()
                : "https://" + configuration.getEnvironment().serviceHost(service);
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("environment", configuration.getEnvironment().name());
        if (configuration.getOrganization() != null) {
            metadata.put("organization", configuration.getOrganization());
        }
        return metadata;
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
