package io.camelexo.exchangeonline.support;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.StateRepository;

/** Waits for a feed's watermark: the last exchange of a window arrives just before the feed saves it. */
public final class Watermarks {

    private Watermarks() {}

    /** The watermark once the feed saved one past {@code after}; fails after 60 s (a broken feed, not a slow one). */
    public static Instant awaitAfter(StateRepository<String, String> watermarks, String feedId, Instant after)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String saved = watermarks.getState(feedId);
            if (saved != null && Instant.parse(saved).isAfter(after)) {
                return Instant.parse(saved);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No watermark after " + after + " for " + feedId + ": " + watermarks.getState(feedId));
    }
}
