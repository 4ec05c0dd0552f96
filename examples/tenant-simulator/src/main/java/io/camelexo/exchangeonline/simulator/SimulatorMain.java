package io.camelexo.exchangeonline.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code java -jar tenant-simulator.jar [options]}: runs the simulator until interrupted and prints where to connect,
 * with each tenant's synthetic demo credentials (they exist only in this simulator, repeat per seed, and printing
 * them is the point: a curl needs them).
 */
public final class SimulatorMain {

    private static final String USAGE = """
            Usage: java -jar tenant-simulator.jar [options]
              --mailboxes N              mailboxes per tenant without an explicit size (default 5000)
              --tenant DOMAIN[:N]        add a tenant (repeatable; default contoso.onmicrosoft.com)
              --customers N[:M]          a partner's fleet: N customer tenants customer001.onmicrosoft.com ... of M
                                         mailboxes (default 500), one partner app consented in all of them
              --seed N                   seed of all synthetic data and of the fault sequence (default 42)
              --port N                   Exchange Admin API port (default 7080; 0 = any free port)
              --compliance-port N        SCC front door port (default 7081)
              --regional-port N          regional SCC port (default 7082)
              --entra-port N             Entra ID HTTPS port (default 7443)
              --admin-api-https          serve the Admin API over HTTPS too (same certificate as Entra ID)
              --token-lifetime SECONDS   access token lifetime (default 3600)
              --throttle BURST/PER_SEC   per-app token bucket, e.g. 30/10 (default off)
              --name-variety             mailbox names starting with digits, punctuation, any script, emoji, any case
              --concurrency N            concurrent requests per tenant before the plain-text refusal (default off)
              --throttled-rate R         share of requests answered 429 with Retry-After 0.05, 0..1 (default 0)
              --server-busy-rate R       share of requests answered 503 with HTML, 0..1 (default 0)
              --transient-error-rate R   share answered 500 ADTransientException, 0..1 (default 0)
              --connection-reset-rate R  share whose connection is reset, 0..1 (default 0)
              --concurrency-refusal-rate R  share refused with the plain-text concurrency message, 0..1 (default 0)
                                         (the rates apply to $batch items too, except the reset, which loses a
                                         whole envelope after its items ran; busy refuses a whole envelope too)
              --request-latency MS       extra time per Admin API request; a $batch envelope is one (default 0)
              --latency MS               the same as --request-latency: extra time per Admin API answer
              --page-latency MS          extra time per page of records, also per $batch item (default 0)
              --fault-seed N             restart the fault sequence from this seed
              --audit-events-per-hour N  unified audit log events generated in every hour, per tenant (default 0)
              --trace-messages-per-hour N  message trace messages generated in every hour, per tenant (default 0)
              --connection-file FILE     with --customers: write the partner's connection (URLs, trust store, partner
                                         app, customer tenants) as a properties file, e.g. for examples/tenant-fleet
              --verbose                  let WireMock log
              --help                     this text
            """;

    private static final int DEFAULT_CUSTOMER_MAILBOXES = 500;
    /** Tenants whose credentials the banner prints. */
    private static final int BANNER_TENANTS = 3;

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        TenantSimulator simulator;
        try {
            Options options = Options.parse(args);
            if (options.help) {
                System.out.print(USAGE);
                return;
            }
            simulator = options.builder.build().start();
            options.applyFaults(simulator.faults());
            options.applyData(simulator);
            if (options.connectionFile != null) {
                simulator.writePartnerConnection(options.connectionFile);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("Cannot write the connection file: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        TenantSimulator running = simulator;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.stop();
                            stopped.countDown();
                        },
                        "tenant-simulator-shutdown"));
        printBanner(simulator, System.out);
        stopped.await();
    }

    static void printBanner(TenantSimulator simulator, PrintStream out) {
        out.println("Tenant simulator running (Ctrl+C stops it)");
        out.println("  Exchange Admin API : " + simulator.exchangeUrl() + "/adminapi/beta/{tenant}/InvokeCommand");
        out.println("  SCC front door     : " + simulator.complianceUrl() + "  (302 to "
                + simulator.regionalComplianceUrl() + ")");
        out.println("  Entra ID           : " + simulator.entraUrl() + "/{tenant}/oauth2/v2.0/token");
        out.println("  Trust store        : " + simulator.trustStorePath() + " (PKCS12, password "
                + simulator.trustStorePassword() + ")");
        out.println("  RSA key (SecureString parameters): " + simulator.exchangeUrl()
                + "/adminapi/v1.0/{tenant}/EXOModuleFile");
        out.println("  Traffic (JSON)     : " + simulator.statsUrl() + "  (requests in flight per tenant)");
        out.println("  Add records (POST) : " + simulator.exchangeUrl()
                + "/_simulator/tenants/{tenant}/audit-events | /messages  (JSON; see the README)");
        List<String> tenants = simulator.tenants();
        // a partner's fleet has hundreds of tenants: their credentials follow one pattern, a few show it
        for (String tenant : tenants.subList(0, Math.min(tenants.size(), BANNER_TENANTS))) {
            AppCredentials app = simulator.defaultApp(tenant);
            UserCredentials admin = simulator.adminUser(tenant);
            out.println();
            out.println("Tenant " + tenant + " (id " + simulator.tenantId(tenant) + ", mail domain "
                    + simulator.smtpDomain(tenant) + ", " + simulator.mailboxCount(tenant) + " mailboxes)");
            out.println("  app id        : " + app.appId());
            out.println("  client secret : " + app.clientSecret());
            out.println("  admin         : " + admin.userPrincipalName() + " / " + admin.password());
            out.println("  authority     : " + simulator.authorityUrl(tenant));
        }
        if (tenants.size() > BANNER_TENANTS) {
            out.println();
            out.println("... and " + (tenants.size() - BANNER_TENANTS) + " more tenants, up to "
                    + tenants.get(tenants.size() - 1));
        }
        AppCredentials partner = simulator.partnerApp();
        if (partner != null) {
            out.println();
            out.println(
                    "Partner app, consented in every tenant (delegatedOrganization=customer001.onmicrosoft.com ...)");
            out.println("  app id        : " + partner.appId());
            out.println("  client secret : " + partner.clientSecret());
        }
        String tenant = tenants.get(0);
        AppCredentials app = simulator.defaultApp(tenant);
        out.println();
        out.println("Try:");
        out.println("  TOKEN=$(curl -sk " + simulator.tokenEndpoint(tenant)
                + " -d grant_type=client_credentials -d client_id=" + app.appId()
                + " --data-urlencode 'client_secret=" + app.clientSecret()
                + "' --data-urlencode 'scope=https://outlook.office365.com/.default'"
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  curl -s " + simulator.exchangeUrl() + "/adminapi/beta/" + tenant
                + "/InvokeCommand -H \"Authorization: Bearer $TOKEN\""
                + " -H 'Content-Type: application/json' -H 'Prefer: odata.maxpagesize=2'"
                + " -d '{\"CmdletInput\":{\"CmdletName\":\"Get-Mailbox\",\"Parameters\":{\"ResultSize\":2}}}'");
    }

    /** Parsed command line: a builder plus the fault settings, applied once the simulator runs. */
    private static final class Options {
        final TenantSimulator.Builder builder = TenantSimulator.builder()
                .exchangePort(7080)
                .compliancePort(7081)
                .regionalCompliancePort(7082)
                .entraPort(7443)
                .journalCapacity(1000);
        boolean help;
        Path connectionFile;
        private final List<Consumer<Faults>> faults = new ArrayList<>();
        /** Audit log and message trace volumes, set once the tenants exist. */
        private final List<Consumer<TenantSimulator>> data = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    options.help = true;
                    continue;
                } else if (option.equals("--verbose")) {
                    options.builder.verbose(true);
                    continue;
                } else if (option.equals("--admin-api-https")) {
                    options.builder.adminApiHttps(true);
                    continue;
                } else if (option.equals("--name-variety")) {
                    options.builder.nameVariety(true);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + option + " needs a value");
                }
                String value = args[++i];
                try {
                    options.apply(option, value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Option " + option + " needs a number, got '" + value + "'");
                }
            }
            return options;
        }

        private void apply(String option, String value) {
            switch (option) {
                case "--mailboxes" -> builder.mailboxes(Integer.parseInt(value));
                case "--connection-file" -> connectionFile = Path.of(value);
                case "--tenant" -> {
                    int colon = value.indexOf(':');
                    if (colon < 0) {
                        builder.tenant(value);
                    } else {
                        builder.tenant(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
                    }
                }
                case "--customers" -> {
                    int colon = value.indexOf(':');
                    builder.customers(
                            Integer.parseInt(colon < 0 ? value : value.substring(0, colon)),
                            colon < 0 ? DEFAULT_CUSTOMER_MAILBOXES : Integer.parseInt(value.substring(colon + 1)));
                }
                case "--seed" -> builder.seed(Long.parseLong(value));
                case "--port" -> builder.exchangePort(Integer.parseInt(value));
                case "--compliance-port" -> builder.compliancePort(Integer.parseInt(value));
                case "--regional-port" -> builder.regionalCompliancePort(Integer.parseInt(value));
                case "--entra-port" -> builder.entraPort(Integer.parseInt(value));
                case "--token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
                case "--throttle" -> {
                    String[] parts = value.split("/");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("--throttle takes BURST/PER_SECOND, e.g. 30/10");
                    }
                    faults.add(f -> f.throttle(Integer.parseInt(parts[0]), Double.parseDouble(parts[1])));
                }
                case "--concurrency" -> faults.add(f -> f.concurrencyLimit(Integer.parseInt(value)));
                case "--throttled-rate" -> faults.add(f -> f.throttledRate(Double.parseDouble(value)));
                case "--server-busy-rate" -> faults.add(f -> f.serverBusyRate(Double.parseDouble(value)));
                case "--transient-error-rate" -> faults.add(f -> f.transientErrorRate(Double.parseDouble(value)));
                case "--connection-reset-rate" -> faults.add(f -> f.connectionResetRate(Double.parseDouble(value)));
                case "--concurrency-refusal-rate" ->
                    faults.add(f -> f.concurrencyRefusalRate(Double.parseDouble(value)));
                case "--latency", "--request-latency" ->
                    faults.add(f -> f.requestLatency(Duration.ofMillis(Long.parseLong(value))));
                case "--page-latency" -> faults.add(f -> f.pageLatency(Duration.ofMillis(Long.parseLong(value))));
                case "--fault-seed" -> faults.add(f -> f.seed(Long.parseLong(value)));
                case "--audit-events-per-hour" -> {
                    int perHour = Integer.parseInt(value);
                    data.add(sim -> sim.tenants().forEach(t -> sim.auditLog(t).generatePerHour(perHour)));
                }
                case "--trace-messages-per-hour" -> {
                    int perHour = Integer.parseInt(value);
                    data.add(sim ->
                            sim.tenants().forEach(t -> sim.messageTrace(t).generatePerHour(perHour)));
                }
                default -> throw new IllegalArgumentException("Unknown option " + option.toLowerCase(Locale.ROOT));
            }
        }

        void applyFaults(Faults target) {
            faults.forEach(setting -> setting.accept(target));
        }

        void applyData(TenantSimulator target) {
            data.forEach(setting -> setting.accept(target));
        }
    }
}
