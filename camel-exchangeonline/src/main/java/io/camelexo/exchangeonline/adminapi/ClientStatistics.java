package io.camelexo.exchangeonline.adminapi;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a session exposes to its health check: requests, retries, and how often the service pushed back. */
public final class ClientStatistics {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    void requestSent() {
        requests.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    void throttledResponse() {
        throttled.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public long throttledResponses() {
        return throttled.get();
    }
}
