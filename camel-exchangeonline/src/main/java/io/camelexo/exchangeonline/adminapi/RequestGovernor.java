package io.camelexo.exchangeonline.adminapi;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one gate every HTTP request of a session passes: at most {@code maxConcurrentRequests} in flight at once,
 * whichever endpoint, route or thread sends them. A request that finds no free slot waits its turn, first come first
 * served, and never fails for waiting. A slot is held from sending a request until its answer has been received in
 * full, never while a route works on the records, so a route that calls the same session per record cannot lock
 * itself out.
 */
public final class RequestGovernor {

    private final int maxConcurrentRequests;
    private final Semaphore slots;
    private final AtomicInteger queued = new AtomicInteger();

    public RequestGovernor(int maxConcurrentRequests) {
        checkLimit(maxConcurrentRequests);
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.slots = new Semaphore(maxConcurrentRequests, true);
    }

    /** @throws IllegalArgumentException naming the option when the limit is below 1 */
    public static void checkLimit(int maxConcurrentRequests) {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be 1 or more, got " + maxConcurrentRequests);
        }
    }

    /** A slot held until {@link Slot#close()}; waits for one if all are taken. */
    Slot enter() throws InterruptedException {
        queued.incrementAndGet();
        try {
            slots.acquire();
        } finally {
            queued.decrementAndGet();
        }
        return new Slot();
    }

    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Requests sent and not yet answered in full. */
    public int inFlight() {
        return maxConcurrentRequests - slots.availablePermits();
    }

    /** Requests waiting for a slot. */
    public int queued() {
        return queued.get();
    }

    /** One request's slot; closing it twice frees it once. */
    final class Slot implements AutoCloseable {
        private boolean open = true;

        @Override
        public void close() {
            if (open) {
                open = false;
                slots.release();
            }
        }
    }
}
