package io.camelexo.exchangeonline.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.simulator.adminapi.AdminApiEndpoints;
import io.camelexo.exchangeonline.simulator.adminapi.ComplianceFrontDoor;
import io.camelexo.exchangeonline.simulator.adminapi.RecordJson;
import io.camelexo.exchangeonline.simulator.adminapi.SecureStrings;
import io.camelexo.exchangeonline.simulator.adminapi.Workload;
import io.camelexo.exchangeonline.simulator.entra.Directory;
import io.camelexo.exchangeonline.simulator.entra.EntraEndpoints;
import io.camelexo.exchangeonline.simulator.entra.TokenService;
import io.camelexo.exchangeonline.simulator.server.Handler;
import io.camelexo.exchangeonline.simulator.server.ServerCertificate;
import io.camelexo.exchangeonline.simulator.server.SimServer;
import io.camelexo.exchangeonline.simulator.tenant.AuditLog;
import io.camelexo.exchangeonline.simulator.tenant.MessageTrace;
import io.camelexo.exchangeonline.simulator.tenant.Seeds;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import io.camelexo.exchangeonline.simulator.tenant.Tenants;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * A local Exchange Online + Security &amp; Compliance + Entra ID look-alike on WireMock.
 *
 * <pre>{@code
 * TenantSimulator sim = TenantSimulator.builder().seed(42).mailboxes(5000).tenant("contoso.onmicrosoft.com").build().start();
 * // component: connectionUri=sim.exchangeUrl(), azureADAuthorizationEndpointUri=sim.authorityUrl(tenant), organization=tenant,
 * //            auth=clientSecret with sim.defaultApp(tenant), and an SSLContext from sim.sslContext()
 * sim.stop();
 * }</pre>
 *
 * Four servers on 127.0.0.1: Exchange's Admin API (HTTP unless {@link Builder#adminApiHttps}), the SCC front door that
 * redirects to the regional SCC server (both HTTP likewise), and Entra ID (always HTTPS: msal4j refuses http
 * authorities). Tenants are synthetic and deterministic per seed; writes are kept in a per-tenant overlay.
 */
public final class TenantSimulator implements AutoCloseable {

    public static final String DEFAULT_TENANT = "contoso.onmicrosoft.com";
    private static final String CUSTOMER_PREFIX = "customer";

    private final Builder settings;
    private final Tenants tenants;
    private final Directory directory = new Directory();
    private final TokenService tokens;
    private final SecureStrings secureStrings = new SecureStrings();
    private final Faults faults;
    private final Journal journal;
    private final Traffic traffic;
    private final Map<String, AppCredentials> defaultApps = new LinkedHashMap<>();
    private final AppCredentials partnerApp;
    private final Map<String, UserCredentials> adminUsers = new LinkedHashMap<>();
    private final List<SimServer> servers = new ArrayList<>();
    private ServerCertificate certificate;
    private EntraEndpoints entraEndpoints;
    private SimServer entra;
    private SimServer exchange;
    private SimServer complianceFrontDoor;
    private SimServer compliance;

    private TenantSimulator(Builder settings) {
        this.settings = settings;
        List<Tenant> created = new ArrayList<>();
        settings.tenants.forEach((domain, size) -> created.add(
                new Tenant(domain, settings.seed, size != null ? size : settings.mailboxes, settings.nameVariety)));
        if (created.isEmpty()) {
            created.add(new Tenant(DEFAULT_TENANT, settings.seed, settings.mailboxes, settings.nameVariety));
        }
        this.tenants = new Tenants(created);
        this.tokens = new TokenService(settings.tokenLifetime);
        this.faults = new Faults(settings.seed);
        this.journal = new Journal(settings.journalCapacity);
        this.traffic = new Traffic(tenants);
        for (Tenant tenant : created) {
            // credentials repeat per seed, so that a README or a script can rely on them
            AppCredentials app = new AppCredentials(
                    Seeds.guid(tenant.seed(), "default-app", 0).toString(),
                    "sim8Q~" + Seeds.token(tenant.seed(), "default-app-secret", 34));
            directory.registerApp(tenant, app.appId(), app.clientSecret());
            defaultApps.put(tenant.initialDomain(), app);
            UserCredentials admin = new UserCredentials(
                    tenant.adminUserPrincipalName(), "Sim!" + Seeds.token(tenant.seed(), "admin-password", 12) + "7x");
            directory.add(tenant, admin.userPrincipalName(), admin.password());
            adminUsers.put(tenant.initialDomain(), admin);
        }
        this.partnerApp = settings.customers > 0 ? consentPartnerApp(created) : null;
    }

    /**
     * A partner's multi-tenant app, registered in the first tenant (the partner's own) and consented in every other,
     * as GDAP customers consent to a partner's app: its id and secret sign in at any of the tenants.
     */
    private AppCredentials consentPartnerApp(List<Tenant> created) {
        Tenant home = created.get(0);
        AppCredentials app = new AppCredentials(
                Seeds.guid(home.seed(), "partner-app", 0).toString(),
                "sim8Q~" + Seeds.token(home.seed(), "partner-app-secret", 34));
        created.forEach(tenant -> directory.registerApp(tenant, app.appId(), app.clientSecret()));
        return app;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the TLS certificate and starts the four servers. */
    public synchronized TenantSimulator start() {
        if (entra != null) {
            throw new IllegalStateException("The simulator is already running");
        }
        try {
            certificate = ServerCertificate.generate();
            entraEndpoints = new EntraEndpoints(tenants, directory, tokens, settings.deviceCodeInterval);
            entra = startServer(SimulatedService.ENTRA_ID, entraEndpoints, settings.entraPort, certificate);
            ServerCertificate adminApiTls = settings.adminApiHttps ? certificate : null;
            exchange = startServer(
                    SimulatedService.EXCHANGE, adminApi(Workload.EXCHANGE), settings.exchangePort, adminApiTls);
            compliance = startServer(
                    SimulatedService.COMPLIANCE,
                    adminApi(Workload.COMPLIANCE),
                    settings.regionalCompliancePort,
                    adminApiTls);
            complianceFrontDoor = startServer(
                    SimulatedService.COMPLIANCE_FRONT_DOOR,
                    new ComplianceFrontDoor(compliance.baseUrl()),
                    settings.compliancePort,
                    adminApiTls);
            return this;
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private AdminApiEndpoints adminApi(Workload workload) {
        return new AdminApiEndpoints(
                workload, tenants, tokens, secureStrings, directory, faults, settings.clock, traffic);
    }

    private SimServer startServer(SimulatedService service, Handler handler, int port, ServerCertificate tls) {
        SimServer server =
                SimServer.start(service, handler, journal::add, port, tls, settings.threads, settings.verbose);
        servers.add(server);
        return server;
    }

    /** Stops the servers and deletes the TLS files; the simulator cannot be started again. */
    public synchronized void stop() {
        servers.forEach(SimServer::stop);
        servers.clear();
        if (certificate != null) {
            certificate.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- where to connect

    /** Exchange's Admin API base, e.g. {@code http://127.0.0.1:PORT}: the component's connectionUri for exo. */
    public String exchangeUrl() {
        return running(exchange).baseUrl();
    }

    /** The SCC front door (it answers 302 to {@link #regionalComplianceUrl()}): the component's connectionUri for scc. */
    public String complianceUrl() {
        return running(complianceFrontDoor).baseUrl();
    }

    /** The regional SCC host the front door redirects to. */
    public String regionalComplianceUrl() {
        return running(compliance).baseUrl();
    }

    /** {@code https://127.0.0.1:PORT}. */
    public String entraUrl() {
        return running(entra).baseUrl();
    }

    /** {@code https://127.0.0.1:PORT/{tenant}}: the component's azureADAuthorizationEndpointUri, msal4j's authority. */
    public String authorityUrl(String tenant) {
        return entraUrl() + "/" + tenant;
    }

    public String tokenEndpoint(String tenant) {
        return authorityUrl(tenant) + "/oauth2/v2.0/token";
    }

    /**
     * Instance metadata that lists the authority with its port as an alias, for msal4j's
     * {@code aadInstanceDiscoveryResponse(...)}: with it, msal4j caches app tokens and refreshes silently against a
     * port-bearing authority (without it msal4j drops the port from its cache keys). The same JSON is served at /common/discovery/instance.
     */
    public String instanceDiscoveryMetadata(String tenant) {
        try {
            return new ObjectMapper().writeValueAsString(EntraEndpoints.instanceMetadata(entraUrl(), tenant));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS12 file holding the simulator's certificate as a trusted entry; deleted by {@link #stop()}. */
    public Path trustStorePath() {
        running(entra);
        return certificate.trustStorePath();
    }

    public String trustStorePassword() {
        running(entra);
        return certificate.password();
    }

    /** A key store holding the simulator's certificate as a trusted entry. */
    public KeyStore trustStore() {
        running(entra);
        return certificate.trustStore();
    }

    /** A TLS context trusting the simulator, e.g. for msal4j's sslSocketFactory and the component's SSLContext. */
    public SSLContext sslContext() {
        running(entra);
        return certificate.sslContext();
    }

    // ---------------------------------------------------------------- tenants and credentials

    /** The tenants' initial domains, in the order they were added. */
    public List<String> tenants() {
        return tenants.all().stream().map(Tenant::initialDomain).toList();
    }

    /** The tenant id (GUID); any of id, initial domain or custom domain names a tenant. */
    public String tenantId(String tenant) {
        return tenant(tenant).tenantId().toString();
    }

    /** The custom domain mailboxes use, e.g. contoso.com for contoso.onmicrosoft.com. */
    public String smtpDomain(String tenant) {
        return tenant(tenant).smtpDomain();
    }

    /** The app every tenant has: client secret sign-in, role Exchange.ManageAsApp. Repeats per seed. */
    public AppCredentials defaultApp(String tenant) {
        return defaultApps.get(tenant(tenant).initialDomain());
    }

    /** The partner app consented in every tenant when customer tenants were asked for, else null. Repeats per seed. */
    public AppCredentials partnerApp() {
        return partnerApp;
    }

    /**
     * Writes what an app in another JVM needs to reach the partner's fleet as a properties file (owner-only
     * permissions where the file system has them): {@code exchange-url}, {@code entra-url} (the authority is
     * {@code entra-url/<tenant>}), {@code trust-store} and {@code trust-store-password} (PKCS12),
     * {@code partner-tenant}, {@code partner-app-id}, {@code partner-client-secret} and {@code customer-tenants}
     * (comma-separated). The secret is the simulator's synthetic one.
     *
     * @throws IllegalStateException without customer tenants ({@link Builder#customers})
     */
    public void writePartnerConnection(Path file) throws IOException {
        if (partnerApp == null) {
            throw new IllegalStateException("No partner app: build the simulator with customers(n, m)");
        }
        List<String> all = tenants();
        Properties connection = new Properties();
        connection.setProperty("exchange-url", exchangeUrl());
        connection.setProperty("entra-url", entraUrl());
        connection.setProperty("trust-store", trustStorePath().toAbsolutePath().toString());
        connection.setProperty("trust-store-password", trustStorePassword());
        connection.setProperty("partner-tenant", all.get(0));
        connection.setProperty("partner-app-id", partnerApp.appId());
        connection.setProperty("partner-client-secret", partnerApp.clientSecret());
        connection.setProperty(
                "customer-tenants",
                String.join(
                        ",",
                        all.stream().filter(t -> t.startsWith(CUSTOMER_PREFIX)).toList()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            connection.store(out, "tenant simulator: a partner's fleet (synthetic credentials)");
        }
    }

    /** admin@{initial domain}, for the password and device-code flows. Repeats per seed. */
    public UserCredentials adminUser(String tenant) {
        return adminUsers.get(tenant(tenant).initialDomain());
    }

    /** Registers another app (or adds a secret to one) in the tenant. */
    public void registerApp(String tenant, String appId, String clientSecret) {
        directory.registerApp(tenant(tenant), appId, clientSecret);
    }

    /**
     * Assigns or takes away the app's Exchange RBAC role (assigned by default). Without it the app still signs in (its
     * token carries Exchange.ManageAsApp), but the Admin API answers 403 "The role assigned to application ... isn't
     * supported in this scenario".
     */
    public void exchangeRole(String tenant, String appId, boolean assigned) {
        tenant(tenant).exchangeRole(appId, assigned);
    }

    /** Registers a certificate for client assertions; the app is created if the tenant has none with that id. */
    public void registerCertificate(String tenant, String appId, X509Certificate certificate) {
        directory.registerCertificate(tenant(tenant), appId, certificate);
    }

    public void addUser(String tenant, String userPrincipalName, String password) {
        directory.add(tenant(tenant), userPrincipalName, password);
    }

    /** Signs in the device-code login waiting for this user code as the tenant's admin. */
    public void completeDeviceLogin(String userCode) {
        completeDeviceLogin(userCode, null);
    }

    /** Signs in the device-code login waiting for this user code as the given user (null = the authority tenant's admin). */
    public void completeDeviceLogin(String userCode, String userPrincipalName) {
        running(entra);
        entraEndpoints.completeDeviceLogin(userCode, userPrincipalName);
    }

    /** A valid token of the tenant's default app for Exchange or SCC, without a sign-in (for curl-less tests). */
    public String accessToken(String tenant, SimulatedService service) {
        return accessToken(tenant, service, settings.tokenLifetime);
    }

    /** As {@link #accessToken(String, SimulatedService)}, valid for the given time; negative gives an expired token. */
    public String accessToken(String tenant, SimulatedService service, Duration validFor) {
        Workload workload = switch (service) {
            case EXCHANGE -> Workload.EXCHANGE;
            case COMPLIANCE, COMPLIANCE_FRONT_DOOR -> Workload.COMPLIANCE;
            case ENTRA_ID ->
                throw new IllegalArgumentException(
                        "Tokens are for Exchange or Security & Compliance, not for Entra ID");
        };
        Tenant target = tenant(tenant);
        return tokens.appToken(target, directory, defaultApp(tenant).appId(), workload.resource(), validFor);
    }

    /** The RSA key SecureString parameters are encrypted with, as .NET XML (also in EXOModuleFile's EncryptionKey). */
    public String publicKeyXml() {
        return secureStrings.publicKeyXml();
    }

    public RSAPublicKey publicKey() {
        return secureStrings.publicKey();
    }

    // ---------------------------------------------------------------- state for assertions

    /** Generated plus created mailboxes. */
    public int mailboxCount(String tenant) {
        return tenant(tenant).mailboxes().count();
    }

    /** The mailbox's current Get-Mailbox properties (writes applied), as a client reads them once annotations are gone. */
    public Map<String, Object> mailbox(String tenant, int index) {
        Tenant target = tenant(tenant);
        if (index < 0 || index >= target.mailboxes().count()) {
            throw new IndexOutOfBoundsException(
                    "Mailbox " + index + " of " + target.mailboxes().count());
        }
        return RecordJson.plain(target.mailboxes().record(index, false));
    }

    /** The mailbox's Get-MailboxStatistics record (TotalItemSize as "49.5 GB (53,150,220,288 bytes)", ItemCount...). */
    public Map<String, Object> mailboxStatistics(String tenant, int index) {
        Tenant target = tenant(tenant);
        if (index < 0 || index >= target.mailboxes().count()) {
            throw new IndexOutOfBoundsException(
                    "Mailbox " + index + " of " + target.mailboxes().count());
        }
        return RecordJson.plain(target.mailboxes().statistics(index));
    }

    /** The mailbox's Get-MailboxAutoReplyConfiguration record (AutoReplyState, InternalMessage, ...), writes applied. */
    public Map<String, Object> autoReplyConfiguration(String tenant, int index) {
        Tenant target = tenant(tenant);
        Objects.checkIndex(index, target.mailboxes().count());
        return RecordJson.plain(target.autoReplies().of(index));
    }

    /** The tenant's unified audit log: add events, generate them per hour, break the next session call. */
    public AuditLog auditLog(String tenant) {
        return tenant(tenant).auditLog();
    }

    /** The tenant's message trace: add messages, generate them per hour. */
    public MessageTrace messageTrace(String tenant) {
        return tenant(tenant).messageTrace();
    }

    /** The index of the mailbox an -Identity value names, or -1. */
    public int findMailbox(String tenant, String identity) {
        return tenant(tenant).mailboxes().find(identity);
    }

    /** Primary SMTP addresses of a distribution group's members (writes applied). */
    public List<String> groupMembers(String tenant, String groupIdentity) {
        Tenant target = tenant(tenant);
        int group = target.groups().find(groupIdentity);
        if (group < 0) {
            throw new IllegalArgumentException(
                    "No distribution group " + groupIdentity + " in " + target.initialDomain());
        }
        return target.groups().members(group).stream()
                .map(member ->
                        String.valueOf(target.mailboxes().record(member, true).get("PrimarySmtpAddress")))
                .toList();
    }

    /** The knobs for throttling and faults; changes apply to the next request. */
    public Faults faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }

    /** Admin API requests in flight per tenant, now and at most (also as JSON at {@link #statsUrl()}). */
    public Traffic traffic() {
        return traffic;
    }

    /** {@code GET} it for the traffic figures as JSON; {@code POST} to it plus {@code /reset} resets them. */
    public String statsUrl() {
        return exchangeUrl() + "/_simulator/stats";
    }

    private Tenant tenant(String name) {
        Tenant tenant = tenants.find(name);
        if (tenant == null) {
            throw new IllegalArgumentException("The simulator has no tenant " + name + "; it has " + tenants());
        }
        return tenant;
    }

    private static SimServer running(SimServer server) {
        if (server == null) {
            throw new IllegalStateException("The simulator is not running: call start() first");
        }
        return server;
    }

    /** The initial domain of customer tenant {@code number} (1-based) of {@link Builder#customers}. */
    public static String customerDomain(int number) {
        return String.format(CUSTOMER_PREFIX + "%03d.onmicrosoft.com", number);
    }

    /** Settings; every one has a default, so {@code builder().build().start()} gives one tenant of 5,000 mailboxes. */
    public static final class Builder {
        private long seed = 42;
        private int mailboxes = 5000;
        private final Map<String, Integer> tenants = new LinkedHashMap<>();
        private Duration tokenLifetime = Duration.ofHours(1);
        private Duration deviceCodeInterval = Duration.ofSeconds(1);
        private int exchangePort;
        private int compliancePort;
        private int regionalCompliancePort;
        private int entraPort;
        private boolean adminApiHttps;
        private int journalCapacity = 10_000;
        private int threads = 32;
        private boolean verbose;
        private boolean nameVariety;
        private SimulatorClock clock = SimulatorClock.SYSTEM;
        private int customers;

        private Builder() {}

        /** Everything synthetic derives from it: names, GUIDs, sizes, credentials, the fault sequence. Default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Mailboxes of tenants added without a size. Default 5,000; a million costs no memory. */
        public Builder mailboxes(int mailboxes) {
            this.mailboxes = mailboxes;
            return this;
        }

        /** Adds a tenant by initial domain ({@code *.onmicrosoft.com}) or custom domain. Default: contoso.onmicrosoft.com. */
        public Builder tenant(String domain) {
            tenants.put(domain, null);
            return this;
        }

        public Builder tenant(String domain, int mailboxes) {
            tenants.put(domain, mailboxes);
            return this;
        }

        /**
         * A partner and its customers: the partner's tenant (the first one added, else contoso.onmicrosoft.com), then
         * {@code count} customer tenants customer001.onmicrosoft.com, customer002... of {@code mailboxesEach}
         * mailboxes, with one partner app consented in all of them ({@link #partnerApp()}). A generated tenant costs
         * little memory, so hundreds run in one simulator.
         */
        public Builder customers(int count, int mailboxesEach) {
            if (count < 1 || count > 9_999) {
                throw new IllegalArgumentException("Customer tenants go from 1 to 9999, got " + count);
            }
            if (tenants.isEmpty()) {
                tenants.put(DEFAULT_TENANT, null);
            }
            for (int i = 1; i <= count; i++) {
                tenants.put(customerDomain(i), mailboxesEach);
            }
            this.customers = count;
            return this;
        }

        /** Lifetime of issued access tokens (expires_in). Default 1 h. msal4j treats 300 s or less as already expired. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The polling interval the device-code answer asks for. Default 1 s; 0 makes tests fast. */
        public Builder deviceCodeInterval(Duration interval) {
            this.deviceCodeInterval = interval;
            return this;
        }

        /** Port of Exchange's Admin API; 0 (default) = any free port. */
        public Builder exchangePort(int port) {
            this.exchangePort = port;
            return this;
        }

        /** Port of the SCC front door; 0 (default) = any free port. */
        public Builder compliancePort(int port) {
            this.compliancePort = port;
            return this;
        }

        /** Port of the regional SCC host; 0 (default) = any free port. */
        public Builder regionalCompliancePort(int port) {
            this.regionalCompliancePort = port;
            return this;
        }

        /** Port of Entra ID (HTTPS); 0 (default) = any free port. */
        public Builder entraPort(int port) {
            this.entraPort = port;
            return this;
        }

        /** Serve the Admin API over HTTPS (same certificate as Entra) instead of HTTP. */
        public Builder adminApiHttps(boolean https) {
            this.adminApiHttps = https;
            return this;
        }

        /** How many requests the journal keeps (oldest dropped first); 0 turns it off. Default 10,000. */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        /** Request threads per server. Default 32; raise it to test concurrency caps above that. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The time throttling and page latency follow (not sign-in). Default: the real one; tests pass a {@link ManualClock}. */
        public Builder clock(SimulatorClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Mailbox names (Name, Identity, the DN's CN) that start with any kind of character: digits, punctuation,
         * Cyrillic, CJK, Arabic and other scripts, emoji (surrogate pairs), upper and lower case. Default off: names
         * are the aliases. Aliases, addresses and everything else stay the same either way.
         */
        public Builder nameVariety(boolean variety) {
            this.nameVariety = variety;
            return this;
        }

        /** Let WireMock log what it does. */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public TenantSimulator build() {
            if (mailboxes < 1 || tenants.values().stream().anyMatch(size -> size != null && size < 1)) {
                throw new IllegalArgumentException("Every tenant needs at least one mailbox");
            }
            return new TenantSimulator(this);
        }
    }
}
