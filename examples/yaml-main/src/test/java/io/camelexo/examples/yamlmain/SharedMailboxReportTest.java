package io.camelexo.examples.yamlmain;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.SecurityPolicyResult;
import org.apache.camel.util.SecurityViolation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as {@code java -jar yaml-main.jar} runs it, started once for the class: Camel Main loads the YAML
 * routes and application.properties, finds no tenant and starts the tenant simulator, and the report route writes the
 * tenant's shared mailboxes into the CSV. One option is added: a secret written in plain text, which Camel's security
 * policy must report.
 */
class SharedMailboxReportTest {

    private static final List<String> COLUMNS = List.of("DisplayName", "PrimarySmtpAddress", "Alias");
    private static final String PLAIN_TEXT_SECRET = "camel.vault.azure.clientSecret";

    @TempDir
    static Path dir;

    private static Main main;
    private static NotifyBuilder reportDone;

    @BeforeAll
    static void start() {
        main = YamlMainApplication.newMain();
        main.addOverrideProperty("simulator.mailboxes", "300");
        main.addOverrideProperty("report.directory", dir.toString());
        main.addOverrideProperty(PLAIN_TEXT_SECRET, "written-in-plain-text");
        // the test stops the application itself, whatever time the route takes
        main.addOverrideProperty("camel.main.duration-max-idle-seconds", "0");
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                // before the routes start, or the timer could fire before anyone listens
                reportDone = new NotifyBuilder(configured.getCamelContext())
                        .fromRoute("shared-mailboxes")
                        .whenDone(1)
                        .create();
            }
        });
        main.start();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void theCsvHoldsEverySharedMailboxOfTheTenantInOrder() throws Exception {
        assertThat(reportDone.matches(60, TimeUnit.SECONDS))
                .as("the report route ran")
                .isTrue();

        CamelContext camel = main.getCamelContext();
        TenantSimulator simulator = camel.getRegistry().lookupByNameAndType("tenantSimulator", TenantSimulator.class);
        List<List<String>> sharedMailboxes = new ArrayList<>();
        for (int i = 0; i < simulator.mailboxCount(TenantSimulator.DEFAULT_TENANT); i++) {
            Map<String, Object> mailbox = simulator.mailbox(TenantSimulator.DEFAULT_TENANT, i);
            if ("SharedMailbox".equals(mailbox.get("RecipientTypeDetails"))) {
                sharedMailboxes.add(COLUMNS.stream()
                        .map(column -> String.valueOf(mailbox.get(column)))
                        .toList());
            }
        }
        assertThat(sharedMailboxes).isNotEmpty();

        try (Reader csv = Files.newBufferedReader(dir.resolve("shared-mailboxes.csv"));
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(csv)) {
            assertThat(parser.getHeaderNames()).isEqualTo(COLUMNS);
            assertThat(parser.getRecords()).map(CSVRecord::toList).isEqualTo(sharedMailboxes);
        }
    }

    /** The demo tenant's secret reaches Camel as its security policy wants it; one written in plain text does not. */
    @Test
    void onlyTheSecretWrittenInPlainTextIsASecurityViolation() {
        SecurityPolicyResult policy =
                main.getCamelContext().getCamelContextExtension().getContextPlugin(SecurityPolicyResult.class);
        assertThat(policy.getViolations()).map(SecurityViolation::propertyKey).containsExactly(PLAIN_TEXT_SECRET);
    }
}
