package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.simulator.SimulatorClock;
import io.camelexo.exchangeonline.simulator.server.SimRequest;
import io.camelexo.exchangeonline.simulator.server.SimResponse;
import io.camelexo.exchangeonline.simulator.tenant.AuditLog;
import io.camelexo.exchangeonline.simulator.tenant.MessageTrace;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import io.camelexo.exchangeonline.simulator.tenant.Tenants;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds records to a running simulator, so that a feed reading it in another process can be shown to pick them up
 * (nothing the real service has, so no token):
 * <ul>
 *   <li>{@code POST /_simulator/tenants/{tenant}/audit-events} with {@code {"operation":"Set-Mailbox",
 *       "objectId":"alice@contoso.com","created":"2026-12-04T10:00:00Z","ingestionDelay":"PT30M"}}: an Exchange admin
 *       event ({@code created} defaults to now, {@code ingestionDelay} to 30 minutes, as the service ingests Exchange
 *       events); answers 201 with the event's Identity and when it becomes searchable.
 *   <li>{@code POST /_simulator/tenants/{tenant}/messages} with {@code {"sender":"x@fabrikam.com",
 *       "recipients":["alice@contoso.com"],"subject":"Hello","received":"2026-12-04T10:00:00Z"}}: a message for
 *       Get-MessageTraceV2, one row per recipient ({@code received} defaults to now); answers 201 with its
 *       MessageTraceId.
 * </ul>
 * {@code tenant} is the tenant's domain or id. A body that is not such an object is answered 400 naming the field.
 */
final class AddedRecords {

    static final String PREFIX = "/_simulator/tenants/";
    private static final Pattern PATH = Pattern.compile("/_simulator/tenants/([^/]+)/(audit-events|messages)");
    private static final Duration EXCHANGE_INGESTION = Duration.ofMinutes(30);

    private AddedRecords() {}

    static SimResponse answer(SimRequest request, Tenants tenants, SimulatorClock clock) {
        Matcher path = PATH.matcher(request.rawPath());
        if (!path.matches() || !request.method().equals("POST")) {
            return failure(404, "POST " + PREFIX + "{tenant}/audit-events or " + PREFIX + "{tenant}/messages");
        }
        Tenant tenant = tenants.find(path.group(1));
        if (tenant == null) {
            return failure(404, "No simulated tenant " + path.group(1));
        }
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                return failure(400, "The body must be a JSON object");
            }
            Instant now = clock.now();
            return path.group(2).equals("audit-events")
                    ? addAuditEvent(tenant.auditLog(), body, now)
                    : addMessage(tenant.messageTrace(), body, now);
        } catch (IOException e) {
            return failure(400, "The body is not JSON: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return failure(400, e.getMessage());
        }
    }

    private static SimResponse addAuditEvent(AuditLog log, JsonNode body, Instant now) {
        AuditLog.Event event = log.add(
                instant(body, "created", now),
                duration(body, "ingestionDelay", EXCHANGE_INGESTION),
                text(body, "operation", null),
                text(body, "objectId", ""));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("Identity", event.id());
        answer.put("CreationDate", event.created().toString());
        answer.put("SearchableFrom", event.visibleAt().toString());
        return SimResponse.json(201, answer.toString());
    }

    private static SimResponse addMessage(MessageTrace trace, JsonNode body, Instant now) {
        JsonNode recipients = body.get("recipients");
        if (recipients == null || !recipients.isArray() || recipients.isEmpty()) {
            throw new IllegalArgumentException("'recipients' must be a non-empty array of addresses");
        }
        List<String> addresses = new ArrayList<>();
        recipients.forEach(recipient -> addresses.add(recipient.asText()));
        List<MessageTrace.Row> rows = trace.add(
                instant(body, "received", now), text(body, "sender", null), addresses, text(body, "subject", ""));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("MessageTraceId", rows.get(0).messageTraceId());
        answer.put("Received", rows.get(0).received().toString());
        ArrayNode added = answer.putArray("RecipientAddress");
        rows.forEach(row -> added.add(row.recipientAddress()));
        return SimResponse.json(201, answer.toString());
    }

    /** A text field; without a fallback it is required. */
    private static String text(JsonNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("'" + field + "' is required");
            }
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode body, String field, Instant fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + field + "' must be an ISO-8601 instant such as 2026-12-04T10:00:00Z, got " + value);
        }
    }

    private static Duration duration(JsonNode body, String field, Duration fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.asText());
            if (duration.isNegative()) {
                throw new IllegalArgumentException("'" + field + "' cannot be negative, got " + value);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + field + "' must be an ISO-8601 duration such as PT30M, got " + value);
        }
    }

    private static SimResponse failure(int status, String message) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("error", message);
        return SimResponse.json(status, answer.toString());
    }
}
