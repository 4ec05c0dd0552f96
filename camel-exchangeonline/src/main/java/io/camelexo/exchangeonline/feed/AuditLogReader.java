package io.camelexo.exchangeonline.feed;

import io.camelexo.exchangeonline.adminapi.CmdletRequest;
import io.camelexo.exchangeonline.adminapi.CmdletResult;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a window of the unified audit log with Search-UnifiedAuditLog's session paging: one SessionId with
 * SessionCommand=ReturnLargeSet, calls of 5,000 records, until every one of the query's ResultCount records was seen
 * (Microsoft Learn, "Search-UnifiedAuditLog" and "Use a PowerShell script to search the audit log").
 * <ul>
 *   <li>A session never returns more than 50,000 records: a window whose ResultCount is larger is halved (at whole
 *       seconds) before any of its records is handed on, and each half read on its own.
 *   <li>A broken session (ResultIndex -1 or ResultCount 0, an index that does not follow on, an empty or short call
 *       before ResultCount was reached: what the service answers when a search timed out inside it) is started
 *       again with a new SessionId, up to three times; records already handed on are not handed on again.
 *   <li>ReturnLargeSet may repeat a record: a record id (Identity, the audit record's own Id) is handed on once.
 * </ul>
 */
public final class AuditLogReader implements WindowReader {

    public static final String CMDLET = "Search-UnifiedAuditLog";
    /** Parameters the reader sets itself; a URI that gives them is refused. */
    public static final List<String> MANAGED_PARAMETERS =
            List.of("StartDate", "EndDate", "SessionId", "SessionCommand", "ResultSize");

    /** How long Audit (Standard) keeps records. */
    public static final Duration RETENTION = Duration.ofDays(180);

    static final int CALL_SIZE = 5_000;
    static final int SESSION_CAP = 50_000;
    static final int SESSION_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogReader.class);

    private enum SessionEnd {
        COMPLETE,
        STOPPED,
        TOO_LARGE,
        BROKEN
    }

    private final Function<CmdletRequest, CmdletResult> invoke;
    private final Map<String, Object> filters;
    private final List<String> select;
    private final int pageSize;

    /**
     * @param filters the cmdlet's other parameters (RecordType, Operations, UserIds, FreeText ...), sent on every call
     */
    public AuditLogReader(
            Function<CmdletRequest, CmdletResult> invoke,
            Map<String, Object> filters,
            List<String> select,
            int pageSize) {
        FeedParameters.refuseManaged(CMDLET, filters, MANAGED_PARAMETERS);
        this.invoke = invoke;
        this.filters = Map.copyOf(filters);
        this.select = FeedParameters.withPagingProperties(select, "ResultIndex", "ResultCount", "Identity");
        this.pageSize = pageSize;
    }

    /** The record id: Identity, which equals the Id inside AuditData. */
    public static String recordId(Map<String, Object> record) {
        Object identity = record.get("Identity");
        return identity != null ? identity.toString() : null;
    }

    @Override
    public boolean read(FeedWindow window, RecordSink sink) {
        RecordIds handedOn = new RecordIds(4_096);
        return readPart(window, sink, handedOn);
    }

    private boolean readPart(FeedWindow window, RecordSink sink, RecordIds handedOn) {
        for (int attempt = 1; attempt <= SESSION_ATTEMPTS; attempt++) {
            SessionEnd end = readSession(window, sink, handedOn);
            switch (end) {
                case COMPLETE:
                    return true;
                case STOPPED:
                    return false;
                case TOO_LARGE:
                    if (!window.divisible()) {
                        throw new ExoException(
                                CMDLET + " finds more than " + SESSION_CAP + " records within one second (" + window
                                        + "); a session cannot return them all: narrow the search with RecordType, "
                                        + "Operations or UserIds",
                                null);
                    }
                    for (FeedWindow half : window.halves()) {
                        if (!readPart(half, sink, handedOn)) {
                            return false;
                        }
                    }
                    return true;
                case BROKEN:
                    LOG.info(
                            "{} session for {} broke off (attempt {} of {}); starting a new session",
                            CMDLET,
                            window,
                            attempt,
                            SESSION_ATTEMPTS);
                    break;
                default:
                    throw new IllegalStateException(end.name());
            }
        }
        throw new ExoProtocolException(
                CMDLET + " sessions for " + window + " broke off " + SESSION_ATTEMPTS
                        + " times (the service's search timed out, or its ResultIndex does not follow on); the window "
                        + "is read again at the next poll",
                0,
                null,
                null);
    }

    private SessionEnd readSession(FeedWindow window, RecordSink sink, RecordIds handedOn) {
        String sessionId = UUID.randomUUID().toString();
        int seen = 0;
        int total = -1;
        while (true) {
            int inCall = 0;
            try (CmdletResult result = invoke.apply(request(window, sessionId))) {
                while (result.hasNext()) {
                    Map<String, Object> record = result.next();
                    int index = number(record.get("ResultIndex"));
                    int count = number(record.get("ResultCount"));
                    if (index < 1 || count < 1 || index != seen + 1) {
                        return SessionEnd.BROKEN;
                    }
                    if (total < 0) {
                        total = count;
                        if (total > SESSION_CAP) {
                            return SessionEnd.TOO_LARGE;
                        }
                    }
                    seen = index;
                    inCall++;
                    if (seen > SESSION_CAP) {
                        // the service documents no session longer than this: one that goes on would never end
                        throw new ExoProtocolException(
                                CMDLET + " session for " + window + " went past the " + SESSION_CAP
                                        + " records a session returns; stopped instead of reading on",
                                0,
                                null,
                                null);
                    }
                    String id = recordId(record);
                    if (id == null || handedOn.add(id)) {
                        if (!sink.accept(record, id)) {
                            return SessionEnd.STOPPED;
                        }
                    }
                }
            }
            if (total < 0) {
                return SessionEnd.COMPLETE; // nothing found
            }
            if (inCall < CALL_SIZE && seen >= SESSION_CAP) {
                // ResultCount understated the total (reported since 2026): the session stopped at its cap
                return SessionEnd.TOO_LARGE;
            }
            if (inCall < CALL_SIZE && seen >= total) {
                return SessionEnd.COMPLETE;
            }
            if (inCall < CALL_SIZE) {
                return SessionEnd.BROKEN;
            }
        }
    }

    private CmdletRequest request(FeedWindow window, String sessionId) {
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put("StartDate", window.start());
        parameters.put("EndDate", window.end());
        parameters.put("SessionId", sessionId);
        parameters.put("SessionCommand", "ReturnLargeSet");
        parameters.put("ResultSize", CALL_SIZE);
        return new CmdletRequest(CMDLET, parameters, select, pageSize);
    }

    private static int number(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value != null ? Integer.parseInt(value.toString().strip()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
