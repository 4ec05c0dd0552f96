package io.camelexo.examples.warehouse;

import io.camelexo.exchangeonline.ExoConstants;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.springframework.stereotype.Component;

/**
 * The audit-log feed's loader and the watcher of its polls: each record is upserted by its record id as it arrives
 * (so the feed's watermark moves only past records the warehouse holds), and each completed or failed poll is counted,
 * so that {@code --once} can wait for one and report it.
 */
@Component("auditPolls")
public class AuditFeed implements PollingConsumerPollStrategy {

    /** What one poll did. */
    public record Poll(boolean succeeded, long events, Instant upTo, String failure) {}

    private final Warehouse warehouse;
    private long eventsThisPoll;
    private Instant upTo;
    private int pollsDone;
    private Poll lastPoll;

    public AuditFeed(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** One audit record of the feed. */
    @SuppressWarnings("unchecked")
    public void load(Exchange exchange) {
        Instant windowEnd = exchange.getMessage().getHeader(ExoConstants.WINDOW_END, Instant.class);
        warehouse.upsertAuditEvent(
                exchange.getMessage().getHeader(ExoConstants.RECORD_ID, String.class),
                exchange.getMessage().getBody(Map.class),
                windowEnd);
        synchronized (this) {
            eventsThisPoll++;
            upTo = windowEnd;
        }
    }

    @Override
    public synchronized boolean begin(Consumer consumer, Endpoint endpoint) {
        eventsThisPoll = 0;
        return true;
    }

    @Override
    public synchronized void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        finish(new Poll(true, eventsThisPoll, upTo, null));
    }

    @Override
    public synchronized boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        finish(new Poll(false, eventsThisPoll, upTo, cause.getMessage()));
        return false; // the next scheduled poll tries again, from the saved watermark
    }

    private void finish(Poll poll) {
        lastPoll = poll;
        pollsDone++;
        notifyAll();
    }

    /** Waits until a poll has finished since the application started; null if none did within the timeout. */
    public synchronized Poll awaitFirstPoll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pollsDone == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return lastPoll;
    }
}
