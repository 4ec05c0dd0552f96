package io.camelexo.exchangeonline.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * A time window a feed reads completely: both ends inclusive at whole seconds, as Search-UnifiedAuditLog compares
 * StartDate and EndDate (Microsoft does not document whether EndDate is inclusive, so adjacent windows share their
 * boundary second rather than risk a gap; a record in it may be read by both, with the same record id).
 */
public record FeedWindow(Instant start, Instant end) {

    public FeedWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A window ends after it starts: " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** Whether {@link #halves()} can split it further (windows are whole seconds). */
    public boolean divisible() {
        return length().getSeconds() >= 2;
    }

    /** The two halves, split at a whole second, the earlier first. */
    public FeedWindow[] halves() {
        Instant middle = start.plusSeconds(length().getSeconds() / 2);
        return new FeedWindow[] {new FeedWindow(start, middle), new FeedWindow(middle, end)};
    }

    @Override
    public String toString() {
        return start + " .. " + end;
    }
}
