package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.SimulatorClock;
import io.camelexo.exchangeonline.simulator.tenant.MessageTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Get-MessageTraceV2 as Microsoft Learn describes it: rows newest first, at most 5,000 a call (default 1,000), no dates
 * meaning the last 48 hours, at most 10 days per query within the 90 days kept, and no paging: a truncated answer
 * carries a warning with the command for the next rows, whose {@code -EndDate} and {@code -StartingRecipientAddress}
 * are the last row's Received and RecipientAddress (the keyset continues after that row, never repeating it). At most
 * 100 queries per tenant in any 5 minutes; what the service answers past that is not documented, the simulator
 * answers 429 with the seconds until a query is free again.
 */
final class MessageTraceSearch {

    static final String MORE_RESULTS = "There are more results, use the following command to get more. ";
    static final int QUOTA = 100;
    static final Duration QUOTA_WINDOW = Duration.ofMinutes(5);
    private static final Duration MAX_SPAN = Duration.ofDays(10);
    private static final int DEFAULT_RESULT_SIZE = 1_000;
    private static final int MAX_RESULT_SIZE = 5_000;

    private final SimulatorClock clock;
    private final Map<UUID, Deque<Instant>> queriesByTenant = new HashMap<>();

    MessageTraceSearch(SimulatorClock clock) {
        this.clock = clock;
    }

    CmdletOutput run(CmdletCall call, CmdletContext context) {
        Instant now = clock.now();
        if (!context.continuation()) {
            admit(context.tenant().tenantId(), now);
        }
        Instant end = call.has("EndDate") ? call.instant("EndDate") : now;
        Instant start = call.has("StartDate") ? call.instant("StartDate") : end.minus(Duration.ofHours(48));
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw AdminApiError.badRequest(
                    "Microsoft.Exchange.Management.Tasks.ValidationException",
                    "Invalid date range: the span between StartDate and EndDate can't exceed 10 days.");
        }
        if (start.isBefore(now.minus(MessageTrace.RETENTION))) {
            throw AdminApiError.badRequest(
                    "Microsoft.Exchange.Management.Tasks.ValidationException",
                    "Invalid StartDate value. The StartDate can't be older than 90 days from today.");
        }
        int resultSize = call.boundedResultSize(DEFAULT_RESULT_SIZE, MAX_RESULT_SIZE);
        String startingRecipient = call.string("StartingRecipientAddress");
        List<MessageTrace.Row> rows = new ArrayList<>();
        for (MessageTrace.Row row : context.tenant().messageTrace().search(start, end, now)) {
            boolean afterCursor = startingRecipient == null
                    || row.received().isBefore(end)
                    || row.recipientAddress().compareTo(startingRecipient) > 0;
            if (afterCursor && matches(call, row)) {
                rows.add(row);
            }
        }
        List<Map<String, Object>> page = new ArrayList<>();
        for (MessageTrace.Row row : rows.subList(0, Math.min(resultSize, rows.size()))) {
            page.add(record(row));
        }
        CmdletOutput output = CmdletOutput.of(page);
        if (rows.size() > resultSize) {
            MessageTrace.Row last = rows.get(resultSize - 1);
            output = output.withWarning(MORE_RESULTS + "Get-MessageTraceV2 -StartDate \"" + sevenDigits(start)
                    + "\" -EndDate \"" + sevenDigits(last.received()) + "\" -StartingRecipientAddress \""
                    + last.recipientAddress() + "\" -ResultSize " + resultSize);
        }
        return output;
    }

    /** Counts a query against the tenant's 100 per 5 minutes, or refuses it. */
    private void admit(UUID tenant, Instant now) {
        synchronized (queriesByTenant) {
            Deque<Instant> queries = queriesByTenant.computeIfAbsent(tenant, t -> new ArrayDeque<>());
            while (!queries.isEmpty() && !queries.peekFirst().isAfter(now.minus(QUOTA_WINDOW))) {
                queries.pollFirst();
            }
            if (queries.size() >= QUOTA) {
                long seconds = Math.max(
                        1,
                        Duration.between(now, queries.peekFirst().plus(QUOTA_WINDOW))
                                .toSeconds());
                throw AdminApiError.throttled(String.valueOf(seconds), Map.of());
            }
            queries.addLast(now);
        }
    }

    private static boolean matches(CmdletCall call, MessageTrace.Row row) {
        List<String> senders = call.strings("SenderAddress");
        List<String> recipients = call.strings("RecipientAddress");
        List<String> statuses = call.strings("Status");
        return (senders == null || senders.stream().anyMatch(s -> s.equalsIgnoreCase(row.senderAddress())))
                && (recipients == null || recipients.stream().anyMatch(r -> r.equalsIgnoreCase(row.recipientAddress())))
                && (statuses == null || statuses.stream().anyMatch(s -> s.equalsIgnoreCase(row.status())));
    }

    private static Map<String, Object> record(MessageTrace.Row row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("MessageTraceId", row.messageTraceId());
        record.put("MessageId", row.messageId());
        record.put("Received", row.received());
        record.put("SenderAddress", row.senderAddress());
        record.put("RecipientAddress", row.recipientAddress());
        record.put("FromIP", "40.107.22.51");
        record.put("ToIP", "");
        record.put("Subject", row.subject());
        record.put("Status", row.status());
        record.put("Size", row.size());
        return record;
    }

    private static String sevenDigits(Instant instant) {
        return RecordJson.wireValue(instant).toString();
    }
}
