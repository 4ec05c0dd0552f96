package io.camelexo.exchangeonline.feed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests in any {@code window} (a rolling window, not fixed periods): Get-MessageTraceV2
 * accepts 100 queries per tenant in any 5 minutes (Microsoft Learn, Get-MessageTraceV2, "throttling"). A request that
 * would exceed it waits until the oldest counted one leaves the window; waiting never fails.
 */
public final class RequestQuota {

    /** Waits; a simulated clock passes one that moves it instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Deque<Long> sent = new ArrayDeque<>();

    public RequestQuota(int limit, Duration window) {
        this(limit, window, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** A quota over another time source than the JVM's, such as a simulated service's clock. */
    public RequestQuota(int limit, Duration window, LongSupplier nanoTime, Sleeper sleeper) {
        if (limit < 1) {
            throw new IllegalArgumentException("A quota allows at least one request, got " + limit);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Returns once one more request fits the quota, and counts it. */
    public synchronized void acquire() {
        while (true) {
            long now = nanoTime.getAsLong();
            while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                sent.pollFirst();
            }
            if (sent.size() < limit) {
                sent.addLast(now);
                return;
            }
            try {
                sleeper.sleep(sent.peekFirst() + windowNanos - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the request quota", e);
            }
        }
    }
}
