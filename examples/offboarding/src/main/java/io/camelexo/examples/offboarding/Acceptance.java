package io.camelexo.examples.offboarding;

import java.time.LocalDate;

/**
 * The answer to a submitted event: its id and current status; {@code duplicate} when the event had already been
 * accepted (pending or completed) and this submission changed nothing.
 */
public record Acceptance(
        String eventId, String userPrincipalName, LocalDate effectiveDate, EventStatus status, boolean duplicate) {}
