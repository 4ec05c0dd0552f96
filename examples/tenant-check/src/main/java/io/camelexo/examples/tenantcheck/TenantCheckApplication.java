package io.camelexo.examples.tenantcheck;

import io.camelexo.exchangeonline.ExoComponent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * {@code java -jar tenant-check.jar --organization=... --app-id=... --certificate-file-path=... [--test-mailbox=...]}:
 * signs in, runs the probes, prints the report and writes it as JSON and text. Exit code 0 when nothing failed, 1
 * when a probe failed or a write was not restored, 2 for a command line it cannot read. No tenant given: the
 * built-in tenant simulator, and the output says so.
 */
public final class TenantCheckApplication {

    static final String USAGE = """
            Usage: java -jar tenant-check.jar --organization=contoso.onmicrosoft.com --app-id=<app id>
                     (--certificate-file-path=app.pfx --certificate-password='{{env:EXO_CERTIFICATE_PASSWORD}}'
                      | --client-secret='{{env:EXO_CLIENT_SECRET}}')
                     [--environment=O365Default|O365USGovGCCHigh|O365USGovDoD|O365China]
                     [--test-mailbox=test@contoso.com] [--report-dir=.]
            Any option of the exo and scc components (kebab or camel case) is accepted; --exo.<option> and
            --scc.<option> set one of them only. Without --organization the built-in tenant simulator is checked.
            """;

    private TenantCheckApplication() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (List.of(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        CheckOptions options;
        try {
            options = CheckOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(USAGE);
            return 2;
        }
        if (options.organization() != null) {
            return check(options, Map.of(), false, out);
        }
        try (SimulatedTenant simulator = SimulatedTenant.start()) {
            out.println("No tenant configured (--organization): checking the built-in tenant simulator instead.");
            if (options.testMailbox() == null) {
                out.println("Read-only; add --test-mailbox=" + simulator.someMailbox() + " to try the writes too.");
            }
            return check(simulator.options(options), simulator.beans(), true, out);
        }
    }

    /**
     * Runs the check with these options; the beans (e.g. sslContextParameters) are bound for {@code #name}
     * references. Prints the report and the paths of its files.
     */
    static int check(CheckOptions options, Map<String, Object> beans, boolean simulated, PrintStream out) {
        return check(options, beans, simulated, out, Probes::all);
    }

    /** As {@link #check(CheckOptions, Map, boolean, PrintStream)}, with another list of probes. */
    static int check(
            CheckOptions options,
            Map<String, Object> beans,
            boolean simulated,
            PrintStream out,
            Function<TestMailboxWrites, List<Probe>> probeList) {
        Redaction redaction = new Redaction(List.of());
        try (CamelContext camel = new DefaultCamelContext()) {
            beans.forEach(camel.getRegistry()::bind);
            Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
            resolved.put("exo", resolvePlaceholders(camel, options.exo()));
            resolved.put("scc", resolvePlaceholders(camel, options.scc()));
            redaction = new Redaction(secretValues(camel, resolved.values()));
            resolved.forEach((scheme, values) -> configure(camel, scheme, values));
            camel.start();
            TestMailboxWrites writes = new TestMailboxWrites(options.testMailbox());
            List<Probe> probes = probeList.apply(writes);
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                CheckReport report = new TenantCheck(probes, redaction, Clock.systemUTC())
                        .run(new CmdletRunner(template), writes, options, simulated);
                List<Path> files = report.write(options.reportDirectory());
                out.print(report.toText());
                out.println("Report: " + files.get(0));
                out.println("        " + files.get(1));
                return report.failed() ? 1 : 0;
            }
        } catch (Exception e) {
            // no stack trace: the message of the component or of Camel, which name the option at fault
            out.println("The check could not run: " + redaction.clean(String.valueOf(e.getMessage())));
            return 1;
        }
    }

    /** Option values with Camel placeholders such as {{env:NAME}} resolved. */
    private static Map<String, Object> resolvePlaceholders(CamelContext camel, Map<String, String> options) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        options.forEach((name, value) -> resolved.put(name, camel.resolvePropertyPlaceholders(value)));
        return resolved;
    }

    /** The values of the options the component marks secret: the names its endpoint URIs are masked by. */
    private static List<String> secretValues(CamelContext camel, Iterable<Map<String, Object>> options) {
        EndpointUriFactory uris = camel.getCamelContextExtension().getEndpointUriFactory("exo");
        Set<String> secretNames = uris.secretPropertyNames();
        List<String> values = new ArrayList<>();
        options.forEach(given -> given.forEach((name, value) -> {
            if (secretNames.stream().anyMatch(name::equalsIgnoreCase)) {
                values.add(String.valueOf(value));
            }
        }));
        return values;
    }

    /** The options become the component's defaults, which every endpoint of the check inherits. */
    private static void configure(CamelContext camel, String scheme, Map<String, Object> options) {
        Map<String, Object> unbound = new LinkedHashMap<>(options);
        PropertyBindingSupport.build()
                .withCamelContext(camel)
                .withTarget(camel.getComponent(scheme, ExoComponent.class).getConfiguration())
                .withProperties(unbound)
                .withRemoveParameters(true)
                .withIgnoreCase(true)
                .withReference(true)
                .bind();
        if (!unbound.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unbound.keySet() + " for " + scheme
                    + ": use the component's option names, e.g. --app-id, --certificate-file-path, --client-secret");
        }
    }
}
