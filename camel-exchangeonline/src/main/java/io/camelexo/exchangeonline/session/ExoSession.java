package io.camelexo.exchangeonline.session;

import io.camelexo.exchangeonline.adminapi.AdminApiClient;
import io.camelexo.exchangeonline.adminapi.AnchorMailbox;
import io.camelexo.exchangeonline.adminapi.BulkItemResult;
import io.camelexo.exchangeonline.adminapi.CallObserver;
import io.camelexo.exchangeonline.adminapi.CallOptions;
import io.camelexo.exchangeonline.adminapi.ClientStatistics;
import io.camelexo.exchangeonline.adminapi.CmdletRequest;
import io.camelexo.exchangeonline.adminapi.CmdletResult;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.adminapi.ExoService;
import io.camelexo.exchangeonline.adminapi.RequestGovernor;
import io.camelexo.exchangeonline.adminapi.SecureStringKey;
import io.camelexo.exchangeonline.adminapi.ServiceLocation;
import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.auth.JwtClaims;
import io.camelexo.exchangeonline.auth.SignInTarget;
import io.camelexo.exchangeonline.auth.TokenSource;
import io.camelexo.exchangeonline.auth.TokenSources;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection identity's state, the equivalent of one {@code Connect-ExchangeOnline}: the token source, the
 * service location (with the pinned regional host), the connection-id, and the Admin API client. Shared by every
 * endpoint with the same {@link SessionSettings}; opened by {@link ExoSessionManager}.
 */
public final class ExoSession {

    private static final Logger LOG = LoggerFactory.getLogger(ExoSession.class);

    private final SessionSettings settings;
    private final String connectionId = UUID.randomUUID().toString();
    private final String name;
    private final String authority;
    private final String scope;
    private final TokenSource tokens;
    private final HttpClient http;
    private final Clock clock;
    private final ClientStatistics statistics = new ClientStatistics();
    private final RequestGovernor governor;
    private final ExecutorService pageFetcher;
    private final CallObserver.Factory observers;
    private final AtomicLong signInsReported = new AtomicLong();
    private volatile CallObserver observer = CallObserver.NONE;
    private volatile AdminApiClient client;
    private volatile String tenant;
    private volatile String userPrincipalName;
    private volatile RuntimeException signInFailure;

    /** How sign-in stands, for health checks. */
    public enum SignInState {
        /** Sign-in has started and not finished. */
        SIGNING_IN,
        /** Sign-in waits for a person (a device login, a browser sign-in): {@link #pendingSignIn()} says what to do. */
        WAITING_FOR_USER,
        /** A token was obtained and no sign-in has failed since. */
        SIGNED_IN,
        /** No token any more (after Disconnect-ExchangeOnline): the next call signs in. */
        SIGNED_OUT,
        /** The last sign-in or token refresh failed: {@link #signInFailure()} says why. */
        FAILED
    }

    /** @param http the transport, shared by the sessions whose TLS, proxy and connect timeout are the same */
    ExoSession(SessionSettings settings, int ordinal, Clock clock, SessionThroughput throughput, HttpClient http) {
        this.settings = settings;
        this.clock = clock;
        this.governor = new RequestGovernor(throughput.maxConcurrentRequests());
        this.pageFetcher = throughput.pageFetcher();
        this.observers = throughput.observers();
        this.name = settings.service().connectionNamePrefix() + "_" + ordinal;
        String configuredTenant = settings.tenant();
        this.tenant = configuredTenant;
        this.authority = settings.azureADAuthorizationEndpointUri() != null
                ? settings.azureADAuthorizationEndpointUri()
                : "https://" + settings.environment().authorityHost() + "/"
                        + (configuredTenant != null ? configuredTenant : "organizations");
        this.scope = settings.environment().tokenResource(settings.service()) + "/.default";
        Proxy proxy = settings.proxy() == null ? null : new Proxy(Proxy.Type.HTTP, settings.proxy());
        this.tokens = TokenSources.create(
                settings.credentials(),
                new SignInTarget(
                        authority,
                        settings.environment().tokenResource(settings.service()),
                        isCustomAuthority(authority),
                        settings.sslContext() != null ? settings.sslContext().getSocketFactory() : null,
                        proxy,
                        settings.identityHttpClient()),
                clock);
        this.http = http;
    }

    /** Signs in, so that bad credentials fail the route start; learns tenant and user from the token where needed. */
    void open() {
        AccessToken token = signIn(false, null);
        JwtClaims claims = JwtClaims.parse(token.value());
        if (tenant == null) {
            tenant = claims.tenantId();
            if (tenant == null) {
                throw new IllegalArgumentException(
                        "organization is required: the access token names no tenant (tid claim)");
            }
        }
        userPrincipalName = claims.userPrincipalName();
        String anchor =
                userPrincipalName != null ? AnchorMailbox.forUser(userPrincipalName) : AnchorMailbox.forApp(tenant);
        ServiceLocation location =
                ServiceLocation.of(settings.environment(), settings.service(), settings.connectionUri(), tenant);
        observer = observers.forSession(settings.service().scheme(), tenant, name, governor);
        reportSignIns();
        client = new AdminApiClient(
                http,
                location,
                (force, challenge) -> signIn(force, challenge).value(),
                anchor,
                connectionId,
                statistics,
                settings.secureStringPublicKey() != null
                        ? SecureStringKey.find(settings.secureStringPublicKey())
                        : null,
                governor,
                pageFetcher,
                observer);
        LOG.info(
                "Connected {} to {} for {} ({} sign-in{}, connection-id {})",
                name,
                location.configuredBase(),
                tenant,
                settings.credentials().method(),
                userPrincipalName != null ? " as " + userPrincipalName : "",
                connectionId);
    }

    /** A token from the token source; remembers whether sign-in works, for {@link #signInState()}. */
    private AccessToken signIn(boolean forceRefresh, String claims) {
        try {
            AccessToken token = tokens.token(forceRefresh, claims);
            signInFailure = null;
            reportSignIns();
            return token;
        } catch (RuntimeException e) {
            signInFailure = e;
            throw e;
        }
    }

    /**
     * Tells the observer of the token source's sign-ins since the last report. The source counts them, so none is
     * missed or told twice whichever threads sign in; those before the observer exists (the first) are told when it is
     * made.
     */
    private void reportSignIns() {
        CallObserver current = observer;
        if (current == CallObserver.NONE) {
            return;
        }
        long total = tokens.signIns();
        long before = signInsReported.getAndAccumulate(total, Math::max);
        if (total > before) {
            current.signedIn(total - before);
        }
    }

    public SignInState signInState() {
        if (pendingSignIn() != null) {
            return SignInState.WAITING_FOR_USER;
        } else if (signInFailure != null) {
            return SignInState.FAILED;
        } else if (!isOpen()) {
            return SignInState.SIGNING_IN;
        }
        return tokens.currentToken() != null ? SignInState.SIGNED_IN : SignInState.SIGNED_OUT;
    }

    /** Why the last sign-in or token refresh failed, or null after a success. Its message holds no secret. */
    public RuntimeException signInFailure() {
        return signInFailure;
    }

    public CmdletResult invoke(CmdletRequest request, CallOptions options) {
        return client.invoke(request, options);
    }

    /** Runs the cmdlet once per request in {@code $batch} envelopes (single calls where the service cannot batch). */
    public List<BulkItemResult> invokeBulk(List<CmdletRequest> requests, CallOptions options) {
        return client.invokeBulk(requests, options);
    }

    /** Drops the cached tokens ({@code Disconnect-ExchangeOnline}); the next call signs in again. */
    public void disconnect() {
        tokens.clear();
        LOG.info("Disconnected {}: tokens dropped, the next call signs in again", name);
    }

    /** The last endpoint stopped: tokens leave memory; a tokenCacheFile stays, so a device login survives restarts. */
    void close() {
        tokens.release();
        observer.close();
    }

    /** What sign-in is waiting for a person to do (enter a device code), or null. */
    public String pendingSignIn() {
        return tokens.pendingInteraction();
    }

    public ClientStatistics statistics() {
        return statistics;
    }

    /** The gate every request of this session passes, with its in-flight and queued counts. */
    public RequestGovernor governor() {
        return governor;
    }

    /** True once sign-in succeeded; false while it is still running (e.g. waiting for a device login). */
    public boolean isOpen() {
        return client != null;
    }

    public String name() {
        return name;
    }

    /**
     * {@code Get-ConnectionInformation}: the module's property names, from local state only. PageSize is not among
     * them: it belongs to the endpoint that asks, not to the session.
     */
    public Map<String, Object> connectionInformation() {
        AccessToken token = tokens.currentToken();
        Instant now = clock.instant();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ConnectionId", connectionId);
        info.put("State", !isOpen() ? "Connecting" : token != null ? "Connected" : "Disconnected");
        info.put("Name", name);
        info.put("UserPrincipalName", userPrincipalName);
        info.put(
                "ConnectionUri",
                isOpen()
                        ? client.location().base().toString()
                        : ServiceLocation.of(settings.environment(), settings.service(), settings.connectionUri(), "-")
                                .base()
                                .toString());
        info.put("AzureAdAuthorizationEndpointUri", authority);
        info.put(
                "TokenExpiryTimeUTC",
                token != null && token.expiresAt() != null ? token.expiresAt().toString() : null);
        info.put(
                "TokenStatus",
                token == null
                        ? "NotAvailable"
                        : token.expiresAt() != null && !token.expiresAt().isAfter(now) ? "Expired" : "Active");
        info.put("Organization", settings.organization());
        info.put("DelegatedOrganization", settings.delegatedOrganization());
        String appId = settings.credentials().appId();
        info.put(
                "AppId",
                appId != null
                        ? appId
                        : token != null ? JwtClaims.parse(token.value()).appId() : null);
        String tenantId = token != null ? JwtClaims.parse(token.value()).tenantId() : null;
        info.put("TenantID", tenantId != null ? tenantId : tenant);
        info.put("CertificateAuthentication", tokens.isCertificateAuthentication());
        info.put("IsEopSession", settings.service() == ExoService.COMPLIANCE);
        info.put("ModuleName", "camel-exchangeonline");
        info.put("Environment", settings.environment().name());
        info.put("TokenScope", scope);
        info.put("MaxConcurrentRequests", governor.maxConcurrentRequests());
        info.put("InFlightRequests", governor.inFlight());
        info.put("QueuedRequests", governor.queued());
        return info;
    }

    /** For logs and debuggers: the session's name and settings, which leave every secret out. */
    @Override
    public String toString() {
        return "ExoSession[" + name + ", connectionId=" + connectionId + ", " + settings + "]";
    }

    /** An authority whose host is no cloud's login host (a simulator, a test's identity provider). */
    private static boolean isCustomAuthority(String authority) {
        String host = URI.create(authority).getHost();
        return host == null || !ExoEnvironment.isMicrosoftLoginHost(host);
    }
}
