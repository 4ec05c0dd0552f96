package io.camelexo.exchangeonline.feed;

import io.camelexo.exchangeonline.adminapi.CmdletRequest;
import io.camelexo.exchangeonline.adminapi.CmdletResult;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a window of the message trace with Get-MessageTraceV2's keyset walk (Microsoft Learn, Get-MessageTraceV2):
 * the service has no paging; rows come newest first, at most 5,000 per query, and a truncated answer says so with a
 * warning. The next query keeps StartDate and the filters and continues after the last row: EndDate = its Received
 * (passed back verbatim, all seven fractional digits) and StartingRecipientAddress = its RecipientAddress. Queries are
 * paced by the tenant's quota. A record is keyed by MessageTraceId and RecipientAddress (a message has a row per
 * recipient) and handed on once per window.
 */
public final class MessageTraceReader implements WindowReader {

    public static final String CMDLET = "Get-MessageTraceV2";
    /** Parameters the reader sets itself; a URI that gives them is refused. */
    public static final List<String> MANAGED_PARAMETERS =
            List.of("StartDate", "EndDate", "StartingRecipientAddress", "ResultSize");
    /** The longest span one query may cover. */
    public static final Duration MAX_SPAN = Duration.ofDays(10);
    /** How long the service keeps the trace. */
    public static final Duration RETENTION = Duration.ofDays(90);
    /** 100 queries per tenant in any 5 minutes. */
    public static final int QUOTA = 100;

    public static final Duration QUOTA_WINDOW = Duration.ofMinutes(5);

    static final int CALL_SIZE = 5_000;
    private static final String MORE_RESULTS_PREFIX = "There are more results, use the following command to get more.";

    private final Function<CmdletRequest, CmdletResult> invoke;
    private final Map<String, Object> filters;
    private final List<String> select;
    private final int pageSize;
    private final RequestQuota quota;

    /** @param quota the tenant's, shared by every reader of that tenant */
    public MessageTraceReader(
            Function<CmdletRequest, CmdletResult> invoke,
            Map<String, Object> filters,
            List<String> select,
            int pageSize,
            RequestQuota quota) {
        FeedParameters.refuseManaged(CMDLET, filters, MANAGED_PARAMETERS);
        this.invoke = invoke;
        this.filters = Map.copyOf(filters);
        this.select = FeedParameters.withPagingProperties(select, "Received", "RecipientAddress", "MessageTraceId");
        this.pageSize = pageSize;
        this.quota = quota;
    }

    /** The record id: MessageTraceId and RecipientAddress, since a message has one row per recipient. */
    public static String recordId(Map<String, Object> record) {
        return record.get("MessageTraceId") + "/" + record.get("RecipientAddress");
    }

    @Override
    public boolean read(FeedWindow window, RecordSink sink) {
        if (window.length().compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException(
                    CMDLET + " reads at most " + MAX_SPAN.toDays() + " days per query, not " + window);
        }
        Set<String> handedOn = new HashSet<>();
        Object endDate = window.end();
        String startingRecipient = null;
        while (true) {
            quota.acquire();
            int inCall = 0;
            Map<String, Object> last = null;
            boolean truncated;
            try (CmdletResult result = invoke.apply(request(window, endDate, startingRecipient))) {
                while (result.hasNext()) {
                    Map<String, Object> record = result.next();
                    inCall++;
                    last = record;
                    if (handedOn.add(recordId(record)) && !sink.accept(record, recordId(record))) {
                        return false;
                    }
                }
                truncated = result.warnings().stream().anyMatch(w -> w.startsWith(MORE_RESULTS_PREFIX));
            }
            if (last == null || (!truncated && inCall < CALL_SIZE)) {
                return true;
            }
            String nextEnd = String.valueOf(last.get("Received"));
            String nextRecipient = String.valueOf(last.get("RecipientAddress"));
            if (nextEnd.equals(String.valueOf(endDate)) && nextRecipient.equals(startingRecipient)) {
                throw new ExoProtocolException(
                        CMDLET + " returned the same last row (" + nextEnd + ", " + nextRecipient
                                + ") twice: the cursor does not move, stopped instead of asking again",
                        0,
                        null,
                        null);
            }
            endDate = nextEnd;
            startingRecipient = nextRecipient;
        }
    }

    private CmdletRequest request(FeedWindow window, Object endDate, String startingRecipient) {
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put("StartDate", window.start());
        parameters.put("EndDate", endDate);
        if (startingRecipient != null) {
            parameters.put("StartingRecipientAddress", startingRecipient);
        }
        parameters.put("ResultSize", CALL_SIZE);
        return new CmdletRequest(CMDLET, parameters, select, pageSize);
    }
}
