package io.camelexo.exchangeonline.simulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * The Admin API's fault, throttling and latency knobs, all off by default and changeable while the simulator runs.
 * Random faults come from one seeded sequence, drawn once per Admin API request in arrival order (a $batch envelope
 * draws once for itself, then once per item, in item order), so a sequential run repeats exactly. Entra ID and the
 * SCC front door are never faulted.
 */
public final class Faults {

    /** A fault drawn for one request. */
    public enum Injected {
        NONE,
        THROTTLED,
        SERVER_BUSY,
        TRANSIENT_ERROR,
        CONNECTION_RESET,
        /** The plain-text concurrency refusal, whatever the concurrency cap says. */
        CONCURRENCY_REFUSED
    }

    private final long defaultSeed;
    private Random random;
    private double throttledRate;
    private double serverBusyRate;
    private double transientErrorRate;
    private double connectionResetRate;
    private double concurrencyRefusalRate;
    private Duration requestLatency = Duration.ZERO;
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

    /**
     * Share of requests (and of $batch items) refused with the plain-text concurrency message, as if the tenant's
     * concurrency budget were spent elsewhere (0..1).
     */
    public synchronized Faults concurrencyRefusalRate(double rate) {
        this.concurrencyRefusalRate = rate(rate);
        return this;
    }

    /**
     * Extra time every admitted Admin API request takes, whatever it answers: the round trip. A $batch envelope is
     * one request and takes it once, however many items it holds. Counts towards the concurrency cap.
     */
    public synchronized Faults requestLatency(Duration latency) {
        this.requestLatency = latency(latency);
        return this;
    }

    /**
     * Extra time every page of records takes to produce: each InvokeCommand answer (a cmdlet without output answers an
     * empty page) and each entity-route answer, also each item of a $batch (items run one after another). Adds to the
     * request latency; counts towards the concurrency cap.
     */
    public synchronized Faults pageLatency(Duration latency) {
        this.pageLatency = latency(latency);
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
        concurrencyRefusalRate = 0;
        requestLatency = Duration.ZERO;
        pageLatency = Duration.ZERO;
        concurrencyLimit = 0;
        throttleBurst = 0;
        throttleRefillPerSecond = 0;
        throttleGeneration++;
        random = new Random(defaultSeed);
        return this;
    }

    public synchronized Duration requestLatency() {
        return requestLatency;
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
    public Injected draw() {
        return draw(EnumSet.allOf(Injected.class));
    }

    /**
     * Draws one number from the seeded sequence and maps it to one of the possible faults, each with its own rate
     * (a $batch envelope can only be busy or reset, its items cannot be reset).
     */
    public synchronized Injected draw(Set<Injected> possible) {
        double roll = random.nextDouble();
        double bound = 0;
        for (Injected fault : Injected.values()) {
            if (fault != Injected.NONE && possible.contains(fault)) {
                bound += rateOf(fault);
                if (roll < bound) {
                    return fault;
                }
            }
        }
        return Injected.NONE;
    }

    private double rateOf(Injected fault) {
        return switch (fault) {
            case THROTTLED -> throttledRate;
            case SERVER_BUSY -> serverBusyRate;
            case TRANSIENT_ERROR -> transientErrorRate;
            case CONNECTION_RESET -> connectionResetRate;
            case CONCURRENCY_REFUSED -> concurrencyRefusalRate;
            case NONE -> 0;
        };
    }

    private static Duration latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative: " + latency);
        }
        return latency;
    }

    private static double rate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("A rate is between 0 and 1, got " + rate);
        }
        return rate;
    }
}
