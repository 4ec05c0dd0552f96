package io.camelexo.examples.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.examples.kafka.testbroker.InJvmKafkaBroker;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The fleet's figures: a cycle over {@code tenants} simulated customers of {@code mailboxes} mailboxes each, every
 * Admin API request {@code latency} ms late, done by 1 worker JVM and by 3, alternating, {@code rounds} times each;
 * then by 3 with one killed (SIGKILL) once a third of the tenants are done. Each run checks that every tenant is done
 * and every mailbox is in the inventory once per key. Each run is two cycles on the same workers, as long-lived workers
 * run them; the second is the figure (the first, printed too, is also when the workers' JIT compiles). A cycle's time
 * is from its first work item's timestamp to its last tenant-done record's (JVM start-up and joining the group are not
 * in it). With one killed, the kill comes once a third of the second cycle's tenants are done.
 *
 * <pre>java -Xmx2g -cp $CP io.camelexo.examples.fleet.FleetFigures [tenants 200] [mailboxes 500] [latency 200] [rounds 3]</pre>
 */
public final class FleetFigures {

    private FleetFigures() {}

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int mailboxes = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int latency = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path work = Files.createTempDirectory("fleet-figures");
        List<String> customers = IntStream.rangeClosed(1, tenants)
                .mapToObj(TenantSimulator::customerDomain)
                .toList();
        try (InJvmKafkaBroker kafka = InJvmKafkaBroker.start()) {
            TenantSimulator simulator = TenantSimulator.builder()
                    .customers(tenants, mailboxes)
                    .adminApiHttps(true)
                    .build()
                    .start();
            try {
                simulator.faults().requestLatency(Duration.ofMillis(latency));
                Path connection = work.resolve("fleet-simulator.properties");
                simulator.writePartnerConnection(connection);
                Figures figures = new Figures(kafka.bootstrapServers(), connection, work, customers, mailboxes);
                System.out.printf(
                        "Fleet: %d tenants x %d mailboxes, request latency %d ms, %d rounds, logs in %s%n",
                        tenants, mailboxes, latency, rounds, work);
                List<Double> one = new ArrayList<>();
                List<Double> three = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    boolean oneFirst = round % 2 == 1;
                    for (int instances : oneFirst ? new int[] {1, 3} : new int[] {3, 1}) {
                        double seconds = figures.run("r" + round + "-x" + instances, instances, false);
                        (instances == 1 ? one : three).add(seconds);
                    }
                }
                double killed = figures.run("kill", 3, true);
                double medianOne = median(one);
                double medianThree = median(three);
                System.out.println();
                System.out.printf(Locale.ROOT, "1 instance   : median %.1f s %s%n", medianOne, one);
                System.out.printf(
                        Locale.ROOT,
                        "3 instances  : median %.1f s %s -> %.2fx faster%n",
                        medianThree,
                        three,
                        medianOne / medianThree);
                System.out.printf(
                        Locale.ROOT,
                        "3, one killed: %.1f s, %.1f s more than the median of 3%n",
                        killed,
                        killed - medianThree);
            } finally {
                simulator.stop();
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private record Figures(String bootstrapServers, Path connection, Path work, List<String> customers, int mailboxes) {

        /** One cycle with its own topics and group; returns its time in seconds after checking its outcome. */
        double run(String name, int instances, boolean killOne) throws Exception {
            try (FleetHarness fleet = new FleetHarness(bootstrapServers, connection, work.resolve(name), name)) {
                List<FleetHarness.Worker> workers = new ArrayList<>();
                for (int i = 1; i <= instances; i++) {
                    workers.add(fleet.startWorker("worker" + i));
                }
                fleet.awaitGroup(instances, Duration.ofMinutes(3));
                long workersBefore = workersCpu(workers);
                long ownBefore = ownCpu();
                // workers live for many cycles: the first after their start is also the one their JIT compiles in
                double cold = cycleSeconds(fleet, fleet.schedule());
                AtomicInteger seen = new AtomicInteger();
                String cycle = fleet.schedule();
                Map<String, JsonNode> done = fleet.awaitCycle(cycle, customers, Duration.ofMinutes(30), record -> {
                    if (killOne && seen.incrementAndGet() == customers.size() / 3) {
                        workers.get(0).kill();
                    }
                });
                double workersCpu = (workersCpu(workers) - workersBefore) / 1e9;
                double ownCpu = (ownCpu() - ownBefore) / 1e9;
                long failed = done.values().stream()
                        .filter(record -> !record.path("status").asText().equals("DONE"))
                        .count();
                Map<String, Integer> inventory = fleet.inventory();
                long published = inventory.values().stream()
                        .mapToLong(Integer::longValue)
                        .sum();
                long expected = (long) customers.size() * mailboxes;
                if (failed > 0 || inventory.size() != expected) {
                    throw new IllegalStateException(name + ": " + failed + " tenants not DONE, " + inventory.size()
                            + " mailboxes in the inventory instead of " + expected);
                }
                double seconds = (lastTimestamp(done.values()) - fleet.firstWorkTimestamp(cycle)) / 1000.0;
                System.out.printf(
                        Locale.ROOT,
                        "  %-8s %d instance%s%s: %6.1f s (first cycle after start %.1f s); CPU of both cycles: workers %.0f s, broker + simulator %.0f s; %d tenants DONE, %d mailboxes once per key (%d records for 2 cycles, %d re-published)%n",
                        name,
                        instances,
                        instances == 1 ? " " : "s",
                        killOne ? " (one killed)" : "",
                        seconds,
                        cold,
                        workersCpu,
                        ownCpu,
                        done.size(),
                        inventory.size(),
                        published,
                        published - 2L * inventory.size());
                return seconds;
            }
        }

        /** CPU time of the worker processes still running, in ns (a killed one's stops counting). */
        private static long workersCpu(List<FleetHarness.Worker> workers) {
            return workers.stream()
                    .mapToLong(w -> w.process
                            .info()
                            .totalCpuDuration()
                            .map(Duration::toNanos)
                            .orElse(0L))
                    .sum();
        }

        /** This JVM's CPU time (broker, simulator, the harness), in ns. */
        private static long ownCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        private double cycleSeconds(FleetHarness fleet, String cycle) throws IOException {
            Map<String, JsonNode> done = fleet.awaitCycle(cycle, customers, Duration.ofMinutes(30), record -> {});
            return (lastTimestamp(done.values()) - fleet.firstWorkTimestamp(cycle)) / 1000.0;
        }

        private static long lastTimestamp(Collection<JsonNode> records) {
            return records.stream()
                    .mapToLong(r -> r.path("timestamp").asLong())
                    .max()
                    .orElseThrow();
        }
    }
}
