package io.camelexo.exchangeonline.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The time the Admin API's traffic rules follow: token-bucket refill, {@code Rate-Limit-Reset} and page latency.
 * {@link #SYSTEM} by default; a test passes a {@link ManualClock} and advances it, so that throttling and latency
 * depend on what the test does, never on how busy the machine is. Sign-in always uses the real time: msal4j checks
 * token lifetimes against it.
 */
public interface SimulatorClock {

    /** The real time: {@link Instant#now()}, {@link System#nanoTime()} and {@link Thread#sleep}. */
    SimulatorClock SYSTEM = new SimulatorClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /** The instant headers name. */
    Instant now();

    /** A monotonic reading in nanoseconds, for measuring how much time passed. */
    long nanoTime();

    /** Returns once this much time passed. */
    void sleep(Duration duration) throws InterruptedException;
}
