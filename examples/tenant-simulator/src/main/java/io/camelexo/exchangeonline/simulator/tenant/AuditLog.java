package io.camelexo.exchangeonline.simulator.tenant;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tenant's unified audit log as Search-UnifiedAuditLog sees it. Events are generated per hour from the seed (a
 * configurable number per hour, none by default, so 180 days cost no memory) or added by a test; an event becomes
 * searchable only at its {@code visibleAt} (the service ingests Exchange events within about 30 minutes, Entra sign-ins
 * within 24 hours) and is gone after the 180 days Audit (Standard) keeps. Sources: Microsoft Learn, "Search the audit
 * log" and "Audit log retention policies".
 */
public final class AuditLog {

    /** Audit (Standard) retention for records created since October 2023. */
    public static final Duration RETENTION = Duration.ofDays(180);

    /** Generated events are done by the first this many mailboxes, the tenant's active users. */
    private static final int ACTORS = 500;

    /**
     * How long a search session lives without a call. Microsoft documents no lifetime; collectors see sessions that
     * were idle for a while start over at ResultIndex 1, so the simulator forgets an idle session after this.
     */
    public static final Duration DEFAULT_SESSION_IDLE_LIMIT = Duration.ofMinutes(30);

    /** Generated events of one hour are numbered below this. */
    private static final int PER_HOUR_LIMIT = 100_000;

    /**
     * One audit record; {@code id} is both the record's Identity and its AuditData.Id. {@code key} finds it again with
     * {@link #event(long)}, so that a search session can keep 8 bytes per record instead of the record.
     */
    public record Event(
            long key,
            String id,
            Instant created,
            Instant visibleAt,
            String recordType,
            int recordTypeNumber,
            String operation,
            String workload,
            String userId,
            String objectId) {}

    private record Kind(
            String recordType, int recordTypeNumber, String operation, String workload, Duration ingestion) {}

    /** What a generated hour holds: mostly Exchange events (searchable after 30 minutes), some Entra sign-ins (24 h). */
    private static final List<Kind> KINDS = List.of(
            new Kind("ExchangeItem", 2, "MailItemsAccessed", "Exchange", Duration.ofMinutes(30)),
            new Kind("ExchangeItem", 2, "Send", "Exchange", Duration.ofMinutes(30)),
            new Kind("ExchangeAdmin", 1, "Set-Mailbox", "Exchange", Duration.ofMinutes(30)),
            new Kind("ExchangeAdmin", 1, "Add-MailboxPermission", "Exchange", Duration.ofMinutes(30)),
            new Kind("ExchangeItemGroup", 3, "MoveToDeletedItems", "Exchange", Duration.ofMinutes(30)),
            new Kind("AzureActiveDirectoryStsLogon", 15, "UserLoggedIn", "AzureActiveDirectory", Duration.ofHours(24)));

    /** What the service does to a session when a search times out inside it (public collectors' reports). */
    public enum SessionFault {
        /** The call returns no records although the session has more. */
        EMPTY_PAGE,
        /** The call's records carry ResultIndex -1 and ResultCount 0. */
        INDEX_MINUS_ONE
    }

    private final Tenant tenant;
    /** Address and alias of the mailboxes events are generated for, built once (a mailbox costs more than an event). */
    private volatile String[][] actors;

    private SessionFault pendingFault;
    private int callsBeforeFault;
    private volatile Duration sessionIdleLimit = DEFAULT_SESSION_IDLE_LIMIT;
    private volatile int repeatEvery;
    private final List<Event> added = new ArrayList<>();
    private volatile int generatedPerHour;

    AuditLog(Tenant tenant) {
        this.tenant = tenant;
    }

    /** Generate this many events in every hour (0 = only added events). */
    public void generatePerHour(int events) {
        if (events < 0 || events >= PER_HOUR_LIMIT) {
            throw new IllegalArgumentException(
                    "Audit events per hour go from 0 to " + (PER_HOUR_LIMIT - 1) + ", got " + events);
        }
        this.generatedPerHour = events;
    }

    /** A session without a call for longer than this is forgotten: the next call with its id starts a new search. */
    public void expireSessionsAfter(Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("A session idle limit must be positive, got " + idle);
        }
        this.sessionIdleLimit = idle;
    }

    public Duration sessionIdleLimit() {
        return sessionIdleLimit;
    }

    /**
     * ReturnLargeSet sessions repeat a row after every {@code rows} rows, as Microsoft says such a session may ("The
     * returned data might contain duplicate records"); 0 = never (the default).
     */
    public void repeatRowsEvery(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("Rows between repeats cannot be negative, got " + rows);
        }
        this.repeatEvery = rows;
    }

    public int repeatRowsEvery() {
        return repeatEvery;
    }

    /** The session call after {@code callsBefore} more calls (nextLinks within a call not counted) meets this fault. */
    public synchronized void breakSessionCall(SessionFault fault, int callsBefore) {
        pendingFault = fault;
        callsBeforeFault = callsBefore;
    }

    /** Counts a session call: the fault it meets, or null. */
    public synchronized SessionFault takeSessionFault() {
        if (pendingFault == null) {
            return null;
        }
        if (callsBeforeFault-- > 0) {
            return null;
        }
        SessionFault fault = pendingFault;
        pendingFault = null;
        return fault;
    }

    /** An Exchange admin event by the tenant's admin, searchable {@code ingestion} after it happened. */
    public synchronized Event add(Instant created, Duration ingestion, String operation, String objectId) {
        Event event = new Event(
                -1 - added.size(),
                Seeds.guid(tenant.seed(), "audit-added", added.size()).toString(),
                created.truncatedTo(ChronoUnit.SECONDS),
                created.plus(ingestion),
                "ExchangeAdmin",
                1,
                operation,
                "Exchange",
                tenant.adminUserPrincipalName(),
                objectId);
        added.add(event);
        return event;
    }

    /**
     * Events created in {@code [start, end]} (both inclusive, at whole seconds as the service compares) that are
     * searchable at {@code now} and still retained, oldest first (ties by id).
     */
    public List<Event> search(Instant start, Instant end, Instant now) {
        Instant from = start.truncatedTo(ChronoUnit.SECONDS);
        Instant to = end.truncatedTo(ChronoUnit.SECONDS);
        Instant retainedSince = now.minus(RETENTION);
        List<Event> found = new ArrayList<>();
        synchronized (this) {
            for (Event event : added) {
                if (matches(event, from, to, now, retainedSince)) {
                    found.add(event);
                }
            }
        }
        int perHour = generatedPerHour;
        if (perHour > 0) {
            long firstHour = (from.isAfter(retainedSince) ? from : retainedSince).getEpochSecond() / 3600;
            long lastHour = Math.min(to.getEpochSecond(), now.getEpochSecond()) / 3600;
            for (long hour = firstHour; hour <= lastHour; hour++) {
                for (int i = 0; i < perHour; i++) {
                    Event event = generated(hour, i);
                    if (matches(event, from, to, now, retainedSince)) {
                        found.add(event);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Event::created).thenComparing(Event::id));
        return found;
    }

    private static boolean matches(Event event, Instant from, Instant to, Instant now, Instant retainedSince) {
        return !event.created().isBefore(from)
                && !event.created().isAfter(to)
                && !event.visibleAt().isAfter(now)
                && !event.created().isBefore(retainedSince);
    }

    private String[][] actors() {
        String[][] built = actors;
        if (built == null) {
            int count = Math.min(ACTORS, tenant.mailboxes().generated());
            built = new String[count][];
            for (int i = 0; i < count; i++) {
                Mailbox mailbox = tenant.mailboxes().get(i);
                built[i] = new String[] {mailbox.primarySmtpAddress(), mailbox.alias()};
            }
            actors = built;
        }
        return built;
    }

    /** The event a {@link Event#key()} names. */
    public Event event(long key) {
        if (key < 0) {
            synchronized (this) {
                return added.get((int) (-1 - key));
            }
        }
        return generated(key / PER_HOUR_LIMIT, (int) (key % PER_HOUR_LIMIT));
    }

    private Event generated(long hour, int i) {
        long index = hour * PER_HOUR_LIMIT + i;
        SplittableRandom rnd = Seeds.random(tenant.seed(), "audit", index);
        Instant created = Instant.ofEpochSecond(hour * 3600 + rnd.nextInt(3600));
        Kind kind = KINDS.get(rnd.nextInt(KINDS.size()));
        String[] actor = actors()[rnd.nextInt(actors().length)];
        String user = actor[0];
        String object = kind.workload().equals("Exchange") ? actor[1] : user;
        return new Event(
                index,
                Seeds.guid(tenant.seed(), "audit", index).toString(),
                created,
                created.plus(kind.ingestion()),
                kind.recordType(),
                kind.recordTypeNumber(),
                kind.operation(),
                kind.workload(),
                user,
                object);
    }
}
