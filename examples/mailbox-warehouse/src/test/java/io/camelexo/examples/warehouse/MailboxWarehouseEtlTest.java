package io.camelexo.examples.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.springboot.SimulatorFallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ETL end to end against the tenant simulator started by the application itself (no tenant configured), into a
 * DuckDB file: every mailbox exactly once with its byte sizes, also when a fifth of the requests are throttled or
 * refused, and on a rerun.
 */
class MailboxWarehouseEtlTest {

    static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    static final int MAILBOXES = 300;
    static final Instant AUDIT_START =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));

    @TempDir
    Path dir;

    private ConfigurableApplicationContext application;

    private ConfigurableApplicationContext start(String... moreArguments) {
        SimulatorFallback simulatorFallback = new SimulatorFallback();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:duckdb:" + dir.resolve("warehouse.duckdb"),
                "--simulator.mailboxes=" + MAILBOXES,
                "--warehouse.batch-size=40",
                "--warehouse.page-size=100",
                "--warehouse.progress-every=100",
                "--warehouse.csv-export=" + dir.resolve("report.csv"),
                "--camel.component.exo.retry-initial-delay=20",
                "--camel.component.exo.retry-max-delay=200",
                "--warehouse.state-directory=" + dir.resolve("exo-state"),
                "--warehouse.audit-start-date=" + AUDIT_START,
                "--simulator.audit-events-per-hour=10"));
        arguments.addAll(List.of(moreArguments));
        application = new SpringApplicationBuilder(MailboxWarehouseApplication.class)
                .listeners(simulatorFallback)
                .initializers(simulatorFallback)
                .profiles("once")
                .run(arguments.toArray(String[]::new));
        return application;
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    private TenantSimulator simulator() {
        return application.getBean(TenantSimulator.class);
    }

    private JdbcTemplate jdbc() {
        return application.getBean(JdbcTemplate.class);
    }

    /** ExchangeGuid → TotalItemSize in bytes, as the simulator says it (the number inside "(… bytes)"). */
    private Map<String, Long> expectedSizes() {
        Pattern bytes = Pattern.compile("\\(([\\d,]+) bytes\\)");
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < simulator().mailboxCount(TENANT); i++) {
            Matcher matcher = bytes.matcher(
                    String.valueOf(simulator().mailboxStatistics(TENANT, i).get("TotalItemSize")));
            assertThat(matcher.find()).isTrue();
            expected.put(
                    String.valueOf(simulator().mailbox(TENANT, i).get("ExchangeGuid")),
                    Long.parseLong(matcher.group(1).replace(",", "")));
        }
        return expected;
    }

    private void assertWarehouseHoldsExactlyTheTenant() {
        Map<String, Long> expected = expectedSizes();
        assertThat(expected).hasSize(MAILBOXES);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM mailboxes", Long.class))
                .isEqualTo(MAILBOXES);
        assertThat(jdbc().queryForObject("SELECT count(DISTINCT exchange_guid) FROM mailboxes", Long.class))
                .isEqualTo(MAILBOXES);
        Map<String, Long> loaded = new HashMap<>();
        jdbc().query("SELECT exchange_guid, total_item_size_bytes FROM mailbox_statistics", row -> {
            loaded.put(row.getString(1), row.getLong(2));
        });
        assertThat(loaded).isEqualTo(expected);
    }

    @Test
    void aPassLoadsEveryMailboxOnceWithItsSizeAndRecordsTheRun() throws Exception {
        start();
        EtlRun run = application.getBean(MailboxEtl.class).runOnce();

        assertWarehouseHoldsExactlyTheTenant();
        assertThat(run.mailboxes()).isEqualTo(MAILBOXES);
        assertThat(run.statistics()).isEqualTo(MAILBOXES);
        Map<String, Object> recorded = jdbc().queryForMap("SELECT * FROM etl_runs WHERE run_id = ?", run.id());
        assertThat(recorded)
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("mailboxes", (long) MAILBOXES)
                .containsEntry("failures", 0L);
        assertThat(recorded.get("ended_at")).isNotNull();
        List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
        assertThat(csv)
                .hasSize(MAILBOXES + 1)
                .first()
                .isEqualTo("DisplayName,PrimarySmtpAddress,RecipientTypeDetails,ItemCount,TotalItemSizeBytes");
        assertThat(jdbc().queryForList("SELECT DISTINCT recipient_type_details FROM mailboxes", String.class))
                .contains("UserMailbox", "SharedMailbox");

        // a second pass upserts: nothing doubled, two runs recorded
        application.getBean(MailboxEtl.class).runOnce();
        assertWarehouseHoldsExactlyTheTenant();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM etl_runs WHERE status = 'SUCCEEDED'", Long.class))
                .isEqualTo(2);
    }

    /** Record ids the simulator's audit log holds from the feed's start to {@code upTo}, as searchable now. */
    private Set<String> auditTruth(Instant upTo) {
        Set<String> ids = new HashSet<>();
        simulator().auditLog(TENANT).search(AUDIT_START, upTo, Instant.now()).forEach(event -> ids.add(event.id()));
        return ids;
    }

    private Set<String> auditRows() {
        return new HashSet<>(jdbc().queryForList("SELECT record_id FROM audit_events", String.class));
    }

    @Test
    void theAuditFeedLoadsEveryEventOnceAndTheNextRunOnlyWhatCameAfter() throws Exception {
        start();
        AuditFeed.Poll first = application.getBean(AuditFeed.class).awaitFirstPoll(Duration.ofMinutes(2));
        assertThat(first.succeeded()).as(String.valueOf(first.failure())).isTrue();
        Set<String> truth = auditTruth(first.upTo());
        assertThat(truth).hasSizeGreaterThan(20);
        assertThat(auditRows()).isEqualTo(truth);
        assertThat(first.events()).isEqualTo(truth.size());
        String sample = jdbc().queryForObject(
                        "SELECT audit_data FROM audit_events WHERE record_id = ?",
                        String.class,
                        truth.iterator().next());
        assertThat(sample)
                .startsWith("{")
                .contains("\"Id\":\"" + truth.iterator().next() + "\"");
        application.close();

        // a new run (a new JVM would do the same: the watermark is in the state directory)
        start();
        AuditFeed.Poll second = application.getBean(AuditFeed.class).awaitFirstPoll(Duration.ofMinutes(2));
        assertThat(second.succeeded()).isTrue();
        Instant upTo = second.upTo() != null ? second.upTo() : first.upTo();
        assertThat(auditRows()).isEqualTo(auditTruth(upTo));
        assertThat(second.events())
                .as("only what came after the first run's watermark (and its boundary second)")
                .isLessThanOrEqualTo(auditTruth(upTo).size() - truth.size() + 2);
    }

    /**
     * The README's main command must start clean: the demo tenant's secret reaches Camel the way its security policy
     * accepts. The policy stays on: a secret the user writes in plain text is still reported, and only that one.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theDemoSecretRaisesNoSecurityWarningAPlainTextOneStillDoes(CapturedOutput output) {
        start("--camel.vault.azure.client-secret=written-in-plain-text");

        assertThat(output.getAll().lines().filter(line -> line.contains("SECURITY WARNING")))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("camel.vault.azure.client-secret");
    }

    @Test
    void aFifthOfRequestsThrottledOrRefusedLosesAndDoublesNothing() {
        start();
        simulator().faults().throttledRate(0.1).serverBusyRate(0.1).seed(11);
        application.getBean(MailboxEtl.class).runOnce();

        assertWarehouseHoldsExactlyTheTenant();
        assertThat(simulator().journal().entries(entry -> "throttled".equals(entry.fault())))
                .isNotEmpty();
        assertThat(simulator().journal().entries(entry -> "server-busy".equals(entry.fault())))
                .isNotEmpty();
    }

    /**
     * More statistics threads than the session lets requests through: the service never sees more in flight than the
     * session's limit, and the pass is still complete.
     */
    @Test
    void theSessionsLimitBoundsTheRequestsInFlight() {
        start("--camel.component.exo.max-concurrent-requests=3", "--warehouse.statistics-parallelism=12");
        // each request takes a while, so that the twelve threads pile up behind the limit
        simulator().faults().requestLatency(Duration.ofMillis(20));
        simulator().traffic().reset();
        application.getBean(MailboxEtl.class).runOnce();

        assertWarehouseHoldsExactlyTheTenant();
        assertThat(simulator().traffic().maxInFlight(TENANT)).isBetween(1, 3);
    }

    /** The fault mix of the README's fault benchmark: every mailbox with its statistics, nothing doubled. */
    @Test
    void throttlingBusyTransientErrorsAndResetsLoseAndDoubleNothing() {
        start();
        simulator()
                .faults()
                .throttledRate(0.1)
                .serverBusyRate(0.02)
                .transientErrorRate(0.01)
                .connectionResetRate(0.01)
                .seed(5);
        EtlRun run = application.getBean(MailboxEtl.class).runOnce();

        assertWarehouseHoldsExactlyTheTenant();
        assertThat(run.failures()).isZero();
        assertThat(simulator().journal().entries(entry -> entry.fault() != null))
                .extracting(JournalEntry::fault)
                .contains("throttled", "server-busy", "transient-error", "connection-reset");
    }

    @Test
    void aMailboxThatFailsIsRecordedAndTheRunGoesOn() throws Exception {
        start();
        String unlucky = String.valueOf(simulator().mailbox(TENANT, 7).get("ExchangeGuid"));
        // the service refusing one mailbox's statistics for good (as for a mailbox deleted during the run)
        AdviceWith.adviceWith(
                application.getBean(CamelContext.class),
                "mailbox-batch",
                route -> route.weaveByToUri("exo:Get-EXOMailboxStatistics*")
                        .before()
                        .process(exchange -> {
                            if (unlucky.equals(exchange.getIn().getBody(String.class))) {
                                throw new ExoCmdletException(
                                        "Get-EXOMailboxStatistics failed (HTTP 404 NotFound)",
                                        404,
                                        "NotFound",
                                        "req",
                                        "ManagementObjectNotFoundException",
                                        "The mailbox couldn't be found.",
                                        null);
                            }
                        }));
        EtlRun run = application.getBean(MailboxEtl.class).runOnce();

        assertThat(run.failures()).isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM mailboxes", Long.class))
                .isEqualTo(MAILBOXES);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM mailbox_statistics", Long.class))
                .isEqualTo(MAILBOXES - 1);
        assertThat(jdbc().queryForMap("SELECT identity, step, error FROM etl_failures WHERE run_id = ?", run.id()))
                .containsEntry("identity", unlucky)
                .containsEntry("step", "Get-EXOMailboxStatistics");
        assertThat(jdbc().queryForObject("SELECT status FROM etl_runs WHERE run_id = ?", String.class, run.id()))
                .isEqualTo("PARTIAL");
    }

    @Test
    void aBrokenListingFailsTheRunVisibly() {
        start();
        simulator().faults().serverBusyRate(1);
        int exitCode = MailboxWarehouseApplication.runOnce(application.getBean(MailboxEtl.class));
        assertThat(exitCode).isEqualTo(1);
        assertThat(jdbc().queryForMap("SELECT status, message FROM etl_runs"))
                .containsEntry("status", "FAILED")
                .hasEntrySatisfying(
                        "message", message -> assertThat(message.toString()).contains("Get-EXOMailbox", "503"));
    }
}
