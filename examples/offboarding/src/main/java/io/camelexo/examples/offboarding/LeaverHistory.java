package io.camelexo.examples.offboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What GET /leavers/{upn} shows: every event of the person, newest first, with its audit trail and dead letters. */
public record LeaverHistory(String userPrincipalName, List<Event> events) {

    public record Event(
            String eventId,
            LocalDate effectiveDate,
            String manager,
            EventStatus status,
            String source,
            Instant receivedAt,
            Instant updatedAt,
            List<AuditEntry> audit,
            List<DeadLetter> deadLetters) {}

    /** One step outcome; {@code requestId} is the last Exchange call's client-request-id, for Microsoft support. */
    public record AuditEntry(String step, String status, String detail, String requestId, Instant at) {}

    public record DeadLetter(String step, String reason, Instant at) {}
}
