package io.camelexo.examples.warehouse;

import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main command's ETL under the faults of a bad day at the service (10 % throttled, 2 % busy, 1 % transient
 * errors, 1 % connection resets) against fault-free passes of the same tenant, alternating, in one run. After every
 * pass it checks the warehouse: every mailbox of the tenant loaded once by that pass, each with its statistics or an
 * {@code etl_failures} row saying why (never both, never twice), and in the simulator's journal no write call sent
 * twice (the ETL only reads: none at all). Prints the medians and the ratio. Run it (not part of the test suite):
 *
 * <pre>
 * ./mvnw -B -q -pl examples/mailbox-warehouse -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
 * java -cp examples/mailbox-warehouse/target/test-classes:examples/mailbox-warehouse/target/classes:$(cat examples/mailbox-warehouse/target/benchmark.classpath) \
 *     io.camelexo.examples.warehouse.WarehouseFaultsBenchmark 10000 0 2
 * </pre>
 *
 * Arguments: mailboxes (10,000), milliseconds per Admin API request (0), rounds of one fault-free and one faulty pass
 * (2). The application and the simulator share this JVM.
 */
public final class WarehouseFaultsBenchmark {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;

    public static void main(String[] args) throws Exception {
        int mailboxes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long latencyMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("warehouse-faults");
        TenantSimulator simulator = TenantSimulator.builder()
                .mailboxes(mailboxes)
                // every request of a faulty pass, retries included, for the journal check
                .journalCapacity(mailboxes * 3)
                .build()
                .start();
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(
                        MailboxWarehouseApplication.class)
                .profiles("once")
                .run(
                        "--spring.datasource.url=jdbc:duckdb:" + dir.resolve("warehouse.duckdb"),
                        "--camel.component.exo.organization=" + TENANT,
                        "--camel.component.exo.connectionUri=" + simulator.exchangeUrl(),
                        "--camel.component.exo.accessToken="
                                + simulator.accessToken(TENANT, SimulatedService.EXCHANGE, Duration.ofHours(8)),
                        "--warehouse.progress-every=" + mailboxes)) {
            Set<String> tenant = IntStream.range(0, simulator.mailboxCount(TENANT))
                    .mapToObj(i -> String.valueOf(simulator.mailbox(TENANT, i).get("ExchangeGuid")))
                    .collect(Collectors.toSet());
            MailboxEtl etl = application.getBean(MailboxEtl.class);
            JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
            System.out.printf(
                    "%,d mailboxes, %d ms per Admin API request, load average %.1f%n",
                    mailboxes, latencyMillis, load());
            List<Double> faultFree = new ArrayList<>();
            List<Double> faulty = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                // round 0 warms up, fault-free
                double clean = pass(etl, jdbc, simulator, tenant, latencyMillis, false);
                if (round == 0) {
                    continue;
                }
                faultFree.add(clean);
                faulty.add(pass(etl, jdbc, simulator, tenant, latencyMillis, true));
            }
            double medianFaultFree = median(faultFree);
            double medianFaulty = median(faulty);
            System.out.printf("fault-free passes: median %.1f s %s%n", medianFaultFree, faultFree);
            System.out.printf("faulty passes    : median %.1f s %s%n", medianFaulty, faulty);
            System.out.printf(
                    "faults cost %.2f x the fault-free time; every pass checked: complete, no duplicates, no write re-sent%n",
                    medianFaulty / medianFaultFree);
        } finally {
            simulator.stop();
        }
    }

    /** One pass of the ETL, checked; its seconds. */
    private static double pass(
            MailboxEtl etl,
            JdbcTemplate jdbc,
            TenantSimulator simulator,
            Set<String> tenant,
            long latencyMillis,
            boolean faults) {
        simulator.faults().reset().requestLatency(Duration.ofMillis(latencyMillis));
        if (faults) {
            simulator
                    .faults()
                    .throttledRate(0.1)
                    .serverBusyRate(0.02)
                    .transientErrorRate(0.01)
                    .connectionResetRate(0.01);
        }
        simulator.journal().clear();
        long started = System.nanoTime();
        EtlRun run = etl.runOnce();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> failed = jdbc.queryForList(
                "SELECT identity FROM etl_failures WHERE run_id = ? AND step = 'Get-EXOMailboxStatistics'",
                String.class,
                run.id());
        checkWarehouse(jdbc, run, tenant, failed);
        Map<String, Long> injected = new TreeMap<>(simulator.journal().entries(entry -> entry.fault() != null).stream()
                .collect(Collectors.groupingBy(JournalEntry::fault, Collectors.counting())));
        long writes = checkNoWriteSentTwice(simulator);
        System.out.printf(
                "%s pass: %.1f s, %d mailboxes/s, %d statistics, %d in etl_failures, faults injected %s, write calls %d,"
                        + " load %.1f%n",
                faults ? "faulty    " : "fault-free",
                seconds,
                Math.round(tenant.size() / seconds),
                run.statistics(),
                failed.size(),
                injected,
                writes,
                load());
        return seconds;
    }

    /** Every mailbox loaded by this run, once; each with statistics or a failure row naming why, not both. */
    private static void checkWarehouse(JdbcTemplate jdbc, EtlRun run, Set<String> tenant, List<String> failed) {
        List<String> loaded =
                jdbc.queryForList("SELECT exchange_guid FROM mailboxes WHERE run_id = ?", String.class, run.id());
        require(loaded.size() == tenant.size() && new HashSet<>(loaded).equals(tenant), "mailboxes", run);
        List<String> withStatistics = jdbc.queryForList(
                "SELECT exchange_guid FROM mailbox_statistics WHERE run_id = ?", String.class, run.id());
        require(new HashSet<>(failed).size() == failed.size(), "a mailbox in etl_failures twice", run);
        require(Collections.disjoint(withStatistics, failed), "a mailbox with statistics and a failure", run);
        Set<String> accounted = new HashSet<>(withStatistics);
        accounted.addAll(failed);
        require(accounted.equals(tenant) && withStatistics.size() + failed.size() == tenant.size(), "statistics", run);
        require(
                jdbc.queryForObject(
                                "SELECT count(*) FROM etl_failures WHERE run_id = ? AND (error IS NULL OR error = '')",
                                Long.class,
                                run.id())
                        == 0,
                "a failure row without its reason",
                run);
    }

    /** Write calls (cmdlets other than Get-*) in the journal; none may carry a client-request-id seen before. */
    private static long checkNoWriteSentTwice(TenantSimulator simulator) {
        List<JournalEntry> writes = simulator
                .journal()
                .entries(entry -> entry.service() == SimulatedService.EXCHANGE
                        && entry.cmdlet() != null
                        && !entry.cmdlet().regionMatches(true, 0, "Get-", 0, 4));
        Set<String> requestIds = new HashSet<>();
        for (JournalEntry write : writes) {
            if (!requestIds.add(write.cmdlet() + " " + write.header("client-request-id"))) {
                throw new IllegalStateException(write.cmdlet() + " was sent twice: " + write.url());
            }
        }
        return writes.size();
    }

    private static void require(boolean holds, String what, EtlRun run) {
        if (!holds) {
            throw new IllegalStateException("Run " + run.id() + ": the warehouse is wrong (" + what + ")");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
