package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.Faults;
import io.camelexo.exchangeonline.simulator.SimulatorClock;
import io.camelexo.exchangeonline.simulator.server.CallNote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission of Admin API requests under the configured limits: a concurrency cap per tenant (a $batch envelope takes
 * one slot) and a token bucket per (tenant, app) that every cmdlet call takes from (each $batch item, not the
 * envelope). Admitted calls carry the bucket's Rate-Limit-* headers.
 */
final class TrafficControl {

    /** An admitted request; closing it frees its concurrency slot. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Faults faults;
    private final SimulatorClock clock;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    TrafficControl(Faults faults, SimulatorClock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    /** A slot under the tenant's concurrency cap. @throws AdminApiError the plain-text refusal when none is free */
    Permit admit(String tenantId, CallNote note) {
        AtomicInteger running = inFlight.computeIfAbsent(tenantId, id -> new AtomicInteger());
        int limit = faults.concurrencyLimit();
        if (running.incrementAndGet() > limit && limit > 0) {
            running.decrementAndGet();
            note.fault("concurrency");
            throw AdminApiError.concurrencyLimit();
        }
        return running::decrementAndGet;
    }

    /**
     * One token of the (tenant, app) bucket; a cmdlet takes one whether it comes alone or as a $batch item.
     *
     * @return the Rate-Limit-* headers to answer with, none while throttling is off
     * @throws AdminApiError the 429 with a decimal Retry-After when the bucket is empty
     */
    Map<String, String> takeToken(String tenantId, String appId, CallNote note) {
        if (faults.throttleBurst() == 0) {
            return Map.of();
        }
        TokenBucket.Decision decision = bucket(tenantId + "/" + appId).take();
        if (!decision.granted()) {
            note.fault("throttled");
            throw AdminApiError.throttled(decision.retryAfter(), decision.headers());
        }
        return decision.headers();
    }

    private TokenBucket bucket(String key) {
        long generation = faults.throttleGeneration();
        return buckets.compute(
                key,
                (k, existing) -> existing != null && existing.generation == generation
                        ? existing
                        : new TokenBucket(faults.throttleBurst(), faults.throttleRefillPerSecond(), generation, clock));
    }

    /** Refills continuously; one request takes one token. */
    static final class TokenBucket {
        record Decision(boolean granted, String retryAfter, Map<String, String> headers) {}

        private final int burst;
        private final double refillPerSecond;
        private final long generation;
        private final SimulatorClock clock;
        private double tokens;
        private long refilledAt;

        TokenBucket(int burst, double refillPerSecond, long generation, SimulatorClock clock) {
            this.burst = burst;
            this.refillPerSecond = refillPerSecond;
            this.generation = generation;
            this.clock = clock;
            this.tokens = burst;
            this.refilledAt = clock.nanoTime();
        }

        synchronized Decision take() {
            long now = clock.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * refillPerSecond);
            refilledAt = now;
            boolean granted = tokens >= 1;
            if (granted) {
                tokens -= 1;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Rate-Limit-Limit", Integer.toString(burst));
            headers.put("Rate-Limit-Remaining", Integer.toString((int) Math.floor(tokens)));
            headers.put(
                    "Rate-Limit-Reset",
                    clock.now()
                            .plusMillis((long) ((burst - tokens) / refillPerSecond * 1000))
                            .toString());
            String retryAfter = granted
                    ? null
                    : BigDecimal.valueOf((1 - tokens) / refillPerSecond)
                            .setScale(3, RoundingMode.UP)
                            .max(new BigDecimal("0.001"))
                            .stripTrailingZeros()
                            .toPlainString();
            return new Decision(granted, retryAfter, headers);
        }
    }
}
