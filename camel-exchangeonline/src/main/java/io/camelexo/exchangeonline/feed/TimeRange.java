package io.camelexo.exchangeonline.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code to()} call of Search-UnifiedAuditLog or Get-MessageTraceV2 with {@code ResultSize=Unlimited}: its
 * StartDate..EndDate read whole with the feed's paging, instead of the one service call (at most 5,000 rows) the
 * parameters alone would make.
 */
public record TimeRange(Instant start, Instant end, Map<String, Object> filters) {

    /** The range a call asks for, or null if it is not a whole-range call (no ResultSize=Unlimited, other cmdlet). */
    public static TimeRange of(String cmdlet, Map<String, Object> parameters, Instant now) {
        boolean audit = AuditLogReader.CMDLET.equalsIgnoreCase(cmdlet);
        boolean trace = MessageTraceReader.CMDLET.equalsIgnoreCase(cmdlet);
        Object resultSize = value(parameters, "ResultSize");
        if (!(audit || trace)
                || resultSize == null
                || !resultSize.toString().strip().equalsIgnoreCase("Unlimited")) {
            return null;
        }
        Object startValue = value(parameters, "StartDate");
        Object endValue = value(parameters, "EndDate");
        if (audit && (startValue == null || endValue == null)) {
            throw new IllegalArgumentException(cmdlet + " needs StartDate and EndDate");
        }
        Instant end = endValue != null ? instant("EndDate", endValue) : now;
        // the service's own default: the last 48 hours
        Instant start = startValue != null ? instant("StartDate", startValue) : end.minus(Duration.ofHours(48));
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(cmdlet + ": EndDate " + end + " is not after StartDate " + start);
        }
        Map<String, Object> filters = new LinkedHashMap<>(parameters);
        filters.keySet()
                .removeIf(name -> name.equalsIgnoreCase("StartDate")
                        || name.equalsIgnoreCase("EndDate")
                        || name.equalsIgnoreCase("ResultSize"));
        return new TimeRange(start.truncatedTo(ChronoUnit.SECONDS), end, filters);
    }

    /** The range as windows of at most {@code longest} (the message trace's 10 days); null: one window. */
    public List<FeedWindow> windows(Duration longest) {
        if (longest == null) {
            return List.of(new FeedWindow(start, end));
        }
        List<FeedWindow> windows = new ArrayList<>();
        Instant from = start;
        while (end.isAfter(from)) {
            Instant to = from.plus(longest).isBefore(end) ? from.plus(longest) : end;
            windows.add(new FeedWindow(from, to));
            from = to;
        }
        return windows;
    }

    private static Object value(Map<String, Object> parameters, String name) {
        return parameters.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** A time as routes give one: java.time, Date, Calendar, or text (with a zone, without one = UTC, a date). */
    private static Instant instant(String name, Object value) {
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        } else if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        } else if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        } else if (value instanceof Date date) {
            return date.toInstant();
        } else if (value instanceof Calendar calendar) {
            return calendar.toInstant();
        }
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(
                            name + " must be a date and time such as 2026-11-01T00:00:00Z, got " + text);
                }
            }
        }
    }
}
