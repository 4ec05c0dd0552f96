package io.camelexo.exchangeonline.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * The Admin API's fault and throttling knobs, all off by default and changeable while the simulator runs. Random
 * faults come from one seeded sequence, drawn once per Admin API request in arrival order, so a sequential run
 * repeats exactly. Entra ID and the SCC front door are never faulted.
 */
public final class Faults {

    /** A fault drawn for one request. */
    public enum Injected {
        NONE,
        THROTTLED,
        SERVER_BUSY,
        TRANSIENT_ERROR,
        CONNECTION_RESET
    }

    private final long defaultSeed;
    private Random random;
    private double throttledRate;
    private double serverBusyRate;
    private double transientErrorRate;
    private double connectionResetRate;
    private Duration pageLatency = Duration.ZERO;
    private int concurrencyLimit;
    private int throttleBurst;
    private double throttleRefillPerSecond;
    private long throttleGeneration;

    Faults(long seed) {
        this.defaultSeed = seed;
        this.random = new Random(seed);
    }

    /** Share of requests answered 429 with a short decimal Retry-After, whatever the token bucket says (0..1). */
    public synchronized Faults throttledRate(double rate) {
        this.throttledRate = rate(rate);
        return this;
    }

    /** Share of requests answered 503 with an HTML page (0..1). */
    public synchronized Faults serverBusyRate(double rate) {
        this.serverBusyRate = rate(rate);
        return this;
    }

    /** Share of requests answered 500 with an ADTransientException envelope (0..1). */
    public synchronized Faults transientErrorRate(double rate) {
        this.transientErrorRate = rate(rate);
        return this;
    }

    /** Share of requests whose connection is reset instead of answered (0..1). */
    public synchronized Faults connectionResetRate(double rate) {
        this.connectionResetRate = rate(rate);
        return this;
    }

    /** Extra time every Admin API answer (page) takes; counts towards the concurrency cap. */
    public synchronized Faults pageLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative: " + latency);
        }
        this.pageLatency = latency;
        return this;
    }

    /** Concurrent Admin API requests allowed per tenant; more are refused with the plain-text message. 0 = no cap. */
    public synchronized Faults concurrencyLimit(int perTenant) {
        if (perTenant < 0) {
            throw new IllegalArgumentException("The concurrency limit cannot be negative: " + perTenant);
        }
        this.concurrencyLimit = perTenant;
        return this;
    }

    /**
     * A token bucket per app (and tenant): {@code burst} requests at once, refilled at {@code refillPerSecond};
     * an empty bucket answers 429 with a decimal Retry-After. Buckets start full whenever this is called.
     */
    public synchronized Faults throttle(int burst, double refillPerSecond) {
        if (burst < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("Throttling needs a burst of at least 1 and a positive refill rate");
        }
        this.throttleBurst = burst;
        this.throttleRefillPerSecond = refillPerSecond;
        this.throttleGeneration++;
        return this;
    }

    /** Restarts the random sequence from this seed. */
    public synchronized Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Everything off, and the random sequence back at the simulator's seed. */
    public synchronized Faults reset() {
        throttledRate = 0;
        serverBusyRate = 0;
        transientErrorRate = 0;
        connectionResetRate = 0;
        pageLatency = Duration.ZERO;
        concurrencyLimit = 0;
        throttleBurst = 0;
        throttleRefillPerSecond = 0;
        throttleGeneration++;
        random = new Random(defaultSeed);
        return this;
    }

    public synchronized Duration pageLatency() {
        return pageLatency;
    }

    public synchronized int concurrencyLimit() {
        return concurrencyLimit;
    }

    /** 0 when throttling is off. */
    public synchronized int throttleBurst() {
        return throttleBurst;
    }

    public synchronized double throttleRefillPerSecond() {
        return throttleRefillPerSecond;
    }

    /** Changes whenever throttling is reconfigured, so that buckets know to start over. */
    public synchronized long throttleGeneration() {
        return throttleGeneration;
    }

    /** Draws the fault for the next request: one number from the seeded sequence, whatever the rates. */
    public synchronized Injected draw() {
        double roll = random.nextDouble();
        double bound = throttledRate;
        if (roll < bound) {
            return Injected.THROTTLED;
        }
        bound += serverBusyRate;
        if (roll < bound) {
            return Injected.SERVER_BUSY;
        }
        bound += transientErrorRate;
        if (roll < bound) {
            return Injected.TRANSIENT_ERROR;
        }
        bound += connectionResetRate;
        return roll < bound ? Injected.CONNECTION_RESET : Injected.NONE;
    }

    private static double rate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("A rate is between 0 and 1, got " + rate);
        }
        return rate;
    }
}
