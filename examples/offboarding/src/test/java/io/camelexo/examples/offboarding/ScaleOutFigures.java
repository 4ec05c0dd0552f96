package io.camelexo.examples.offboarding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Offboarding over Kafka at volume: leaver events submitted over HTTP to several instances sharing the leaver topic,
 * one database (H2 in server mode) and the simulated tenant, once undisturbed (the baseline) and once with one
 * instance killed with SIGKILL mid-flow. Checks that every leaver is fully offboarded (in the tenant), no step is
 * recorded twice or failed, and no event is lost; prints the times.
 *
 * <p>Arguments: leavers per run (1000), instances (3), milliseconds per Admin API request (50). Run it with the
 * test classpath (see the README).
 */
public final class ScaleOutFigures {

    private ScaleOutFigures() {}

    public static void main(String[] args) throws Exception {
        int leavers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int instanceCount = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 50);
        Path work = Files.createTempDirectory("offboarding-scale-out");
        Files.createDirectories(Path.of("target"));
        try (ScaleOut scaleOut = new ScaleOut(leavers * 3 + 200, work, "ScaleOutFigures")) {
            scaleOut.simulator.faults().requestLatency(latency);
            Run baseline = run(scaleOut, leavers, instanceCount, "baseline-", false);
            Run killed = run(scaleOut, leavers, instanceCount, "killed-", true);
            System.out.printf(
                    Locale.ROOT,
                    "%n%d leaver events over %d instances (leaver topic of 12 partitions, shared H2 server), %d ms per "
                            + "Admin API request%n",
                    leavers,
                    instanceCount,
                    latency.toMillis());
            System.out.println(baseline.describe("undisturbed"));
            System.out.println(killed.describe("one killed  "));
            System.out.printf(
                    Locale.ROOT,
                    "the kill cost %.1f s (%.2fx the undisturbed time); %d leavers were in flight when it landed%n",
                    (killed.millis - baseline.millis) / 1000.0,
                    (double) killed.millis / baseline.millis,
                    killed.inFlightAtKill);
        }
    }

    private record Run(
            int leavers,
            long millis,
            int inFlightAtKill,
            int doneRows,
            int recordedTwice,
            int failed,
            int notOffboarded) {
        String describe(String label) {
            return String.format(
                    Locale.ROOT,
                    "%s: %6.1f s, %5.1f leavers/s; offboarded in the tenant %d of %d; step records %d (%d twice, %d"
                            + " failed)",
                    label,
                    millis / 1000.0,
                    leavers * 1000.0 / millis,
                    leavers - notOffboarded,
                    leavers,
                    doneRows,
                    recordedTwice,
                    failed);
        }
    }

    private static Run run(ScaleOut scaleOut, int count, int instanceCount, String prefix, boolean kill)
            throws Exception {
        List<ScaleOut.Instance> instances = scaleOut.start(instanceCount, prefix);
        List<ScaleOut.Leaver> leavers = scaleOut.leavers(count);
        long started = System.nanoTime();
        scaleOut.submit(leavers, instances);
        int inFlight = 0;
        if (kill) {
            ScaleOut.Instance victim = instances.get(instances.size() / 2);
            int finishedAtLeast = Math.max(2, count / instanceCount / 3);
            while (scaleOut.midFlow(victim, finishedAtLeast) == null) {
                Thread.sleep(5);
            }
            scaleOut.kill(victim);
            inFlight = scaleOut.inFlight();
            instances =
                    instances.stream().filter(instance -> instance != victim).toList();
        }
        scaleOut.awaitCompleted(leavers, Duration.ofMinutes(30));
        long millis = (System.nanoTime() - started) / 1_000_000;
        scaleOut.stop(instances);
        ScaleOut.Journal journal = scaleOut.journal(leavers);
        int twice = (int)
                journal.doneRows().values().stream().filter(rows -> rows > 1).count();
        int doneRows =
                journal.doneRows().values().stream().mapToInt(Integer::intValue).sum();
        // the checks read the tenant without the latency that stands for Exchange's
        Duration latency = scaleOut.simulator.faults().requestLatency();
        scaleOut.simulator.faults().requestLatency(Duration.ZERO);
        List<String> problems = scaleOut.notOffboarded(leavers);
        scaleOut.simulator.faults().requestLatency(latency);
        problems.stream().limit(10).forEach(problem -> System.out.println("NOT OFFBOARDED: " + problem));
        if (doneRows != count * ScaleOut.STEPS || twice > 0 || !journal.failed().isEmpty() || !problems.isEmpty()) {
            throw new IllegalStateException("Run " + prefix + " lost or doubled work: " + doneRows
                    + " step records for "
                    + count + " leavers, " + twice + " twice, failed " + journal.failed() + ", " + problems.size()
                    + " not offboarded");
        }
        return new Run(
                count, millis, inFlight, doneRows, twice, journal.failed().size(), problems.size());
    }
}
