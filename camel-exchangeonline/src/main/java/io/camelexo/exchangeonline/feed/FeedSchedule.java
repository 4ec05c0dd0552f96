package io.camelexo.exchangeonline.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which windows a poll of a time-window feed reads: from the watermark less {@code overlap} up to now less
 * {@code ingestionLag} (events become searchable late), in windows of at most {@code windowSize}, all at whole seconds.
 */
public record FeedSchedule(Duration windowSize, Duration ingestionLag, Duration overlap) {

    public FeedSchedule {
        if (windowSize.getSeconds() < 1) {
            throw new IllegalArgumentException("windowSize must be at least one second (e.g. PT1H), got " + windowSize);
        }
        if (ingestionLag.isNegative()) {
            throw new IllegalArgumentException("ingestionLag cannot be negative, got " + ingestionLag);
        }
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap cannot be negative, got " + overlap);
        }
    }

    /** The windows to read after {@code watermark} at {@code now}, oldest first; none while nothing is due. */
    public List<FeedWindow> windows(Instant watermark, Instant now) {
        Instant from = watermark.minus(overlap).truncatedTo(ChronoUnit.SECONDS);
        Instant until = now.minus(ingestionLag).truncatedTo(ChronoUnit.SECONDS);
        List<FeedWindow> windows = new ArrayList<>();
        while (until.isAfter(from)) {
            Instant end = from.plus(windowSize).isBefore(until) ? from.plus(windowSize) : until;
            windows.add(new FeedWindow(from, end));
            from = end;
        }
        return windows;
    }

    /**
     * Where a feed without a saved watermark begins: an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}) or a
     * period or duration back from now ({@code P7D}, {@code PT6H}).
     */
    public static Instant startDate(String text, Instant now) {
        String value = text.strip();
        Instant start;
        try {
            start = Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                start = value.contains("T") ? now.minus(Duration.parse(value)) : now.minus(Period.parse(value));
            } catch (DateTimeParseException notPeriod) {
                throw new IllegalArgumentException("startDate must be an ISO-8601 instant such as 2026-11-01T00:00:00Z "
                        + "or a period back from now such as P7D or PT6H, got " + value);
            }
        }
        if (start.isAfter(now)) {
            throw new IllegalArgumentException(
                    "startDate must not be in the future (a feed reads what already happened), got " + value);
        }
        return start;
    }

    /** A duration option: ISO-8601 ({@code PT1H}, {@code P1D}). */
    public static Duration duration(String option, String text) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    option + " must be an ISO-8601 duration such as PT1H, PT30M or P1D, got " + text.strip());
        }
    }
}
