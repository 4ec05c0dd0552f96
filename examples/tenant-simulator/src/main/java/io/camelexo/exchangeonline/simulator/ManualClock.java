package io.camelexo.exchangeonline.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A {@link SimulatorClock} that stands still until the test advances it. A request paused by page latency waits
 * until the clock has been advanced past its end; {@link #awaitSleepers} tells the test how many requests are
 * waiting, so that it can act at a known point instead of after a guessed delay.
 */
public final class ManualClock implements SimulatorClock {

    private Instant now;
    private long nanos;
    private int sleepers;
    private long sleepsBegun;

    /** Starts at this instant. */
    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time does not go back: " + duration);
        }
        now = now.plus(duration);
        nanos += duration.toNanos();
        notifyAll();
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long wakeAt = nanos + duration.toNanos();
        sleepers++;
        sleepsBegun++;
        notifyAll();
        try {
            while (nanos < wakeAt) {
                wait();
            }
        } finally {
            sleepers--;
            notifyAll();
        }
    }

    /** Requests waiting in {@link #sleep} right now. */
    public synchronized int sleepers() {
        return sleepers;
    }

    /**
     * Waits until exactly {@code count} requests are sleeping. The timeout only keeps a broken test from hanging;
     * it never decides an outcome that should pass.
     *
     * @throws IllegalStateException when they were not there within the timeout
     */
    public synchronized void awaitSleepers(int count, Duration timeout) throws InterruptedException {
        await(
                () -> sleepers == count,
                timeout,
                () -> "Expected " + count + " sleeping requests, there are " + sleepers);
    }

    /** Sleeps begun since the clock was made, ended or not: tells one request's successive latencies apart. */
    public synchronized long sleepsBegun() {
        return sleepsBegun;
    }

    /**
     * Waits until at least {@code count} sleeps have begun since the clock was made (see {@link #awaitSleepers} for
     * the timeout).
     */
    public synchronized void awaitSleepsBegun(long count, Duration timeout) throws InterruptedException {
        await(() -> sleepsBegun >= count, timeout, () -> "Expected " + count + " sleeps, " + sleepsBegun + " began");
    }

    private void await(BooleanSupplier done, Duration timeout, Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(failure.get());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
