package io.camelexo.exchangeonline.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times two ways of doing the same work in one run: a warm-up of each, then rounds that alternate A, B, A, B, so a
 * machine whose speed drifts slows both alike. Prints each round, the medians, and the ratio of the medians together
 * with the range of the ratios pair by pair (a wide range says the machine was noisy). Each variant checks its own
 * result and throws when it is wrong: a fast wrong answer is no figure.
 */
final class AlternatingRounds {

    /** One way of doing the work; throws when the work went wrong. */
    @FunctionalInterface
    interface Variant {
        void run() throws Exception;
    }

    /** Median seconds of A and of B, and the range of B/A pair by pair. */
    record Outcome(double secondsA, double secondsB, double lowestPairRatio, double highestPairRatio) {

        /** How many times faster A is than B (median B / median A). */
        double speedUp() {
            return secondsB / secondsA;
        }
    }

    private AlternatingRounds() {}

    static Outcome run(String nameA, Variant a, String nameB, Variant b, int rounds) throws Exception {
        return run(nameA, a, nameB, b, rounds, true);
    }

    /** As {@link #run(String, Variant, String, Variant, int)}; without the warm-up when a round lasts minutes. */
    static Outcome run(String nameA, Variant a, String nameB, Variant b, int rounds, boolean warmUp) throws Exception {
        System.out.printf(
                "load average %.1f (%d processors); %s%d rounds A B%n",
                load(), Runtime.getRuntime().availableProcessors(), warmUp ? "warm-up of each, then " : "", rounds);
        if (warmUp) {
            time(a);
            time(b);
        }
        List<Double> secondsA = new ArrayList<>();
        List<Double> secondsB = new ArrayList<>();
        List<Double> pairRatios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long cpuBeforeA = processCpuNanos();
            double roundA = time(a);
            long cpuBeforeB = processCpuNanos();
            double roundB = time(b);
            long cpuAfterB = processCpuNanos();
            secondsA.add(roundA);
            secondsB.add(roundB);
            pairRatios.add(roundB / roundA);
            System.out.printf(
                    "round %d: A %.2f s (CPU %.2f s), B %.2f s (CPU %.2f s), B/A %.2f (load %.1f)%n",
                    round,
                    roundA,
                    (cpuBeforeB - cpuBeforeA) / 1e9,
                    roundB,
                    (cpuAfterB - cpuBeforeB) / 1e9,
                    roundB / roundA,
                    load());
        }
        Outcome outcome = new Outcome(
                median(secondsA), median(secondsB), Collections.min(pairRatios), Collections.max(pairRatios));
        System.out.printf("A  %-52s median %8.2f s %s%n", nameA, outcome.secondsA(), secondsA);
        System.out.printf("B  %-52s median %8.2f s %s%n", nameB, outcome.secondsB(), secondsB);
        System.out.printf(
                "A takes %.3f of B's time: %.2f x faster (pairs ranged %.2f-%.2f x)%n",
                outcome.secondsA() / outcome.secondsB(),
                outcome.speedUp(),
                outcome.lowestPairRatio(),
                outcome.highestPairRatio());
        return outcome;
    }

    /** The benchmark's numeric argument at {@code index}, or {@code fallback} when it has fewer arguments. */
    static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The system's load average over the last minute (the machine is shared: quote it next to a figure). */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time of this JVM, all threads (a simulator running in it included): what a variant costs besides waiting. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double time(Variant variant) throws Exception {
        long started = System.nanoTime();
        variant.run();
        return (System.nanoTime() - started) / 1e9;
    }
}
