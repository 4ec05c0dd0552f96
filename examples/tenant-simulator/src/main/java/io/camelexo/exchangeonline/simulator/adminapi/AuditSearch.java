package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelexo.exchangeonline.simulator.SimulatorClock;
import io.camelexo.exchangeonline.simulator.tenant.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Search-UnifiedAuditLog with the service's session paging (Microsoft Learn, Search-UnifiedAuditLog): the same
 * {@code SessionId} returns the next block of {@code ResultSize} (at most 5,000) records per call, each carrying
 * {@code ResultIndex} (its 1-based place in the session) and {@code ResultCount} (the query's total). ReturnLargeSet
 * sessions are unsorted and stop at 50,000 records while ResultCount keeps the true total; ReturnNextPreviewPage
 * sessions are sorted by date and stop at 5,000; switching command within a session caps it at 10,000. Without a
 * SessionCommand a call returns at most 100 records. A session's records are fixed when it begins.
 */
final class AuditSearch {

    static final int MAX_RESULT_SIZE = 5_000;
    private static final int LARGE_SET_CAP = 50_000;
    private static final int PREVIEW_CAP = 5_000;
    private static final int MIXED_CAP = 10_000;
    private static final int WITHOUT_SESSION = 100;
    /**
     * Sessions kept per workload, the least recently used dropped: a collector reports three open sessions per account
     * (unconfirmed); 16 of 50,000 records take 6.4 MB at 8 bytes a record.
     */
    private static final int SESSIONS_KEPT = 16;

    /** A search's records (as keys: 8 bytes each, the records are rebuilt when a block is read), fixed when it began. */
    private static final class Session {
        final long[] keys;
        final int total;
        String command;
        int cap;
        int next;
        int blockStart;
        int blockEnd;
        Instant lastCall;

        Session(long[] keys, String command, Instant now) {
            this.keys = keys;
            this.total = keys.length;
            this.command = command;
            this.cap = command.equalsIgnoreCase("ReturnLargeSet") ? LARGE_SET_CAP : PREVIEW_CAP;
            this.lastCall = now;
        }
    }

    private final SimulatorClock clock;
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > SESSIONS_KEPT;
        }
    };

    AuditSearch(SimulatorClock clock) {
        this.clock = clock;
    }

    CmdletOutput run(CmdletCall call, CmdletContext context) {
        Instant start = call.instant("StartDate");
        Instant end = call.instant("EndDate");
        int resultSize = call.boundedResultSize(WITHOUT_SESSION, MAX_RESULT_SIZE);
        String command = call.string("SessionCommand");
        if (command != null
                && !command.equalsIgnoreCase("ReturnLargeSet")
                && !command.equalsIgnoreCase("ReturnNextPreviewPage")) {
            throw AdminApiError.invalidParameterValue(
                    "SessionCommand", command, "Microsoft.Exchange.Management.SystemConfigurationTasks.SessionCommand");
        }
        AuditLog log = context.tenant().auditLog();
        if (command == null) {
            List<AuditLog.Event> found = matching(call, log.search(start, end, clock.now()));
            return CmdletOutput.of(
                    rows(found, 0, Math.min(found.size(), Math.min(resultSize, WITHOUT_SESSION)), found.size()));
        }
        String sessionId = call.string("SessionId");
        String key = context.tenant().tenantId() + "/" + (sessionId != null ? sessionId : "");
        AuditLog.SessionFault fault = context.continuation() ? null : log.takeSessionFault();
        synchronized (sessions) {
            Session session = sessions.get(key);
            Instant now = clock.now();
            if (session != null && Duration.between(session.lastCall, now).compareTo(log.sessionIdleLimit()) > 0) {
                session = null; // forgotten: the call starts the search over at ResultIndex 1
            }
            if (session == null || sessionId == null) {
                List<AuditLog.Event> found = new ArrayList<>(matching(call, log.search(start, end, now)));
                long[] keys;
                if (command.equalsIgnoreCase("ReturnLargeSet")) {
                    Collections.shuffle(found, new Random(key.hashCode()));
                    keys = withRepeats(found, log.repeatRowsEvery());
                } else {
                    keys = found.stream().mapToLong(AuditLog.Event::key).toArray();
                }
                session = new Session(keys, command, now);
                sessions.put(key, session);
            } else if (!session.command.equalsIgnoreCase(command)) {
                session.command = command;
                session.cap = Math.min(session.cap, MIXED_CAP);
            }
            session.lastCall = now;
            // a nextLink inside one call re-runs the cmdlet: it reads the same block again, the session does not move
            if (!context.continuation()) {
                if (fault == AuditLog.SessionFault.EMPTY_PAGE) {
                    return CmdletOutput.none();
                }
                session.blockStart = session.next;
                session.blockEnd = Math.min(session.next + resultSize, Math.min(session.cap, session.total));
                session.next = session.blockEnd;
            }
            // rows are built as the page asks for them: a nextLink page of a block costs its own rows, not the block's
            long[] keys = session.keys;
            int blockStart = session.blockStart;
            int total = session.total;
            boolean broken = fault == AuditLog.SessionFault.INDEX_MINUS_ONE;
            return CmdletOutput.of(RecordSource.over(session.blockEnd - blockStart, position -> {
                AuditLog.Event event = log.event(keys[blockStart + (int) position]);
                // a search that hit an internal timeout answers ResultIndex -1, ResultCount 0
                return broken ? row(event, -1, 0) : row(event, blockStart + (int) position + 1, total);
            }));
        }
    }

    /** The events' keys, the one before repeated after every {@code every} rows (0 = no repeats). */
    private static long[] withRepeats(List<AuditLog.Event> events, int every) {
        long[] keys = new long[events.size() + (every > 0 ? events.size() / every : 0)];
        int at = 0;
        for (int i = 0; i < events.size(); i++) {
            keys[at++] = events.get(i).key();
            if (every > 0 && (i + 1) % every == 0) {
                keys[at++] = events.get(Math.max(0, i - 1)).key();
            }
        }
        return keys;
    }

    private static List<AuditLog.Event> matching(CmdletCall call, List<AuditLog.Event> events) {
        String recordType = call.string("RecordType");
        List<String> operations = call.strings("Operations");
        List<String> userIds = call.strings("UserIds");
        return events.stream()
                .filter(e -> recordType == null || e.recordType().equalsIgnoreCase(recordType))
                .filter(e -> operations == null || operations.stream().anyMatch(o -> o.equalsIgnoreCase(e.operation())))
                .filter(e -> userIds == null || userIds.stream().anyMatch(u -> u.equalsIgnoreCase(e.userId())))
                .toList();
    }

    /** Rows {@code from..to} (0-based, end exclusive) of a search that found {@code total}. */
    private static List<Map<String, Object>> rows(List<AuditLog.Event> events, int from, int to, int total) {
        List<Map<String, Object>> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            rows.add(row(events.get(i), i + 1, total));
        }
        return rows;
    }

    private static Map<String, Object> row(AuditLog.Event event, int resultIndex, int resultCount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("RecordType", event.recordType());
        row.put("CreationDate", event.created());
        row.put("UserIds", event.userId());
        row.put("Operations", event.operation());
        row.put("AuditData", auditData(event));
        row.put("ResultIndex", resultIndex);
        row.put("ResultCount", resultCount);
        row.put("Identity", event.id());
        row.put("IsValid", true);
        row.put("ObjectState", "Unchanged");
        return row;
    }

    /** AuditData is a JSON string; its CreationTime has whole seconds and no zone. */
    private static String auditData(AuditLog.Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Id", event.id());
        data.put("RecordType", event.recordTypeNumber());
        data.put(
                "CreationTime",
                LocalDateTime.ofEpochSecond(event.created().getEpochSecond(), 0, ZoneOffset.UTC)
                        .toString());
        data.put("Operation", event.operation());
        data.put("UserId", event.userId());
        data.put("Workload", event.workload());
        data.put("ObjectId", event.objectId());
        try {
            return Json.MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
