package io.camelexo.examples.offboarding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leaver_events, offboarding_audit and offboarding_dead_letters tables: accepted events wait here until every
 * step is done, and each step's outcome is kept, so that a restart or a re-submission carries on where the last
 * attempt stopped.
 */
@Component
public class LeaverLedger {

    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    private static final int MAX_TEXT = 4000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IdempotentRepository eventIds;

    public LeaverLedger(JdbcTemplate jdbc, TransactionTemplate transactions, IdempotentRepository leaverEventIds) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eventIds = leaverEventIds;
    }

    /**
     * Stores a new event, or re-opens a dead-lettered one with what the new submission says (a corrected manager,
     * say); its completed steps stay done. Runs in the caller's transaction, with the event id's registration.
     */
    public Acceptance accept(LeaverEvent event, String payload, String source) {
        Timestamp now = Timestamp.from(Instant.now());
        int reopened = jdbc.update(
                """
                UPDATE leaver_events SET manager = ?, effective_date = ?, auto_reply = ?, payload = ?, source = ?, status = ?,
                    updated_at = ?, handed_over_at = NULL
                WHERE event_id = ?""",
                event.manager(),
                Date.valueOf(event.effectiveDate()),
                event.autoReplyMessage(),
                payload,
                source,
                EventStatus.PENDING.name(),
                now,
                event.eventId());
        if (reopened == 0) {
            jdbc.update(
                    """
                    INSERT INTO leaver_events (event_id, upn, manager, effective_date, auto_reply, payload, source, status,
                        received_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    event.eventId(),
                    event.userPrincipalName(),
                    event.manager(),
                    Date.valueOf(event.effectiveDate()),
                    event.autoReplyMessage(),
                    payload,
                    source,
                    EventStatus.PENDING.name(),
                    now,
                    now);
        }
        return new Acceptance(
                event.eventId(), event.userPrincipalName(), event.effectiveDate(), EventStatus.PENDING, false);
    }

    /** The answer to a submission of an event that is already pending or completed. */
    public Acceptance duplicate(LeaverEvent event) {
        String status = jdbc.queryForObject(
                "SELECT status FROM leaver_events WHERE event_id = ?", String.class, event.eventId());
        return new Acceptance(
                event.eventId(), event.userPrincipalName(), event.effectiveDate(), EventStatus.valueOf(status), true);
    }

    /** The event's status, or null if there is no event with that id. */
    public EventStatus status(String eventId) {
        return jdbc
                .query("SELECT status FROM leaver_events WHERE event_id = ?", (rs, row) -> rs.getString(1), eventId)
                .stream()
                .findFirst()
                .map(EventStatus::valueOf)
                .orElse(null);
    }

    /**
     * Takes a pending event whose day has come, to offboard it now: it is marked handed over, so that no instance
     * hands it to the leaver topic again while this instance works on it. False if it is not pending or not yet due.
     */
    public boolean takeDue(String eventId) {
        return jdbc.update(
                        "UPDATE leaver_events SET handed_over_at = ? WHERE event_id = ? AND status = ? AND "
                                + "effective_date <= CURRENT_DATE",
                        Timestamp.from(Instant.now()),
                        eventId,
                        EventStatus.PENDING.name())
                == 1;
    }

    /**
     * Pending events whose day has come and that no instance took within the lease (a dropped file, an event dated
     * in the future when it arrived, a hand-over that was lost), each claimed with a conditional update, so that of
     * several instances polling at once only one hands an event to the leaver topic.
     */
    public List<Handover> claimHandovers(Duration lease, int limit) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp expired = Timestamp.from(now.toInstant().minus(lease));
        List<Handover> due = jdbc.query(
                """
                SELECT event_id, upn, payload, source FROM leaver_events
                WHERE status = ? AND effective_date <= CURRENT_DATE AND (handed_over_at IS NULL OR handed_over_at < ?)
                ORDER BY received_at FETCH FIRST ? ROWS ONLY""",
                (rs, row) -> new Handover(
                        rs.getString("event_id"), rs.getString("upn"), rs.getString("payload"), rs.getString("source")),
                EventStatus.PENDING.name(),
                expired,
                limit);
        return due.stream()
                .filter(handover -> jdbc.update("""
                                UPDATE leaver_events SET handed_over_at = ?
                                WHERE event_id = ? AND status = ? AND (handed_over_at IS NULL OR handed_over_at < ?)""", now, handover.eventId(), EventStatus.PENDING.name(), expired) == 1)
                .toList();
    }

    /** Gives up a claim whose hand-over failed (the broker did not take it), for the next poll to try again. */
    public void releaseHandover(String eventId) {
        jdbc.update("UPDATE leaver_events SET handed_over_at = NULL WHERE event_id = ?", eventId);
    }

    /** A stored event on its way to the leaver topic. */
    public record Handover(String eventId, String userPrincipalName, String payload, String source) {}

    /** The event as last accepted, or null if there is none with that id. */
    public LeaverEvent load(String eventId) {
        return jdbc
                .query(
                        "SELECT upn, manager, effective_date, auto_reply FROM leaver_events WHERE event_id = ?",
                        (rs, row) -> new LeaverEvent(
                                rs.getString("upn"),
                                rs.getString("manager"),
                                rs.getDate("effective_date").toLocalDate(),
                                rs.getString("auto_reply")),
                        eventId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    public boolean isDone(LeaverEvent event, OffboardingStep step) {
        Integer done = jdbc.queryForObject(
                "SELECT COUNT(*) FROM offboarding_audit WHERE event_id = ? AND step = ? AND status = ?",
                Integer.class,
                event.eventId(),
                step.id(),
                DONE);
        return done != null && done > 0;
    }

    public void recordDone(LeaverEvent event, OffboardingStep step, String detail, String requestId) {
        audit(event, step, DONE, detail, requestId);
    }

    public void complete(LeaverEvent event) {
        setStatus(event, EventStatus.COMPLETED);
    }

    /**
     * Records the failed step and its reason, and releases the event id, in one transaction: submitting the event
     * again is then accepted and resumes at this step.
     */
    public void deadLetter(LeaverEvent event, OffboardingStep step, String reason, String requestId) {
        String shortReason = truncated(reason);
        transactions.executeWithoutResult(status -> {
            jdbc.update(
                    "INSERT INTO offboarding_dead_letters (event_id, upn, step, reason, at) VALUES (?, ?, ?, ?, ?)",
                    event.eventId(),
                    event.userPrincipalName(),
                    step.id(),
                    shortReason,
                    Timestamp.from(Instant.now()));
            audit(event, step, FAILED, shortReason, requestId);
            setStatus(event, EventStatus.DEAD_LETTER);
            eventIds.remove(event.eventId());
        });
    }

    /** Every event of the person with its audit trail and dead letters; empty when there is none. */
    public Optional<LeaverHistory> history(String userPrincipalName) {
        List<LeaverHistory.Event> events = jdbc.query("""
                SELECT event_id, effective_date, manager, status, source, received_at, updated_at
                FROM leaver_events WHERE upn = ? ORDER BY received_at DESC""", (rs, row) -> event(rs), userPrincipalName);
        return events.isEmpty() ? Optional.empty() : Optional.of(new LeaverHistory(userPrincipalName, events));
    }

    private LeaverHistory.Event event(ResultSet rs) throws SQLException {
        String eventId = rs.getString("event_id");
        List<LeaverHistory.AuditEntry> audit = jdbc.query(
                "SELECT step, status, detail, request_id, at FROM offboarding_audit WHERE event_id = ? ORDER BY id",
                (row, i) -> new LeaverHistory.AuditEntry(
                        row.getString("step"),
                        row.getString("status"),
                        row.getString("detail"),
                        row.getString("request_id"),
                        row.getTimestamp("at").toInstant()),
                eventId);
        List<LeaverHistory.DeadLetter> deadLetters = jdbc.query(
                "SELECT step, reason, at FROM offboarding_dead_letters WHERE event_id = ? ORDER BY id",
                (row, i) -> new LeaverHistory.DeadLetter(
                        row.getString("step"),
                        row.getString("reason"),
                        row.getTimestamp("at").toInstant()),
                eventId);
        return new LeaverHistory.Event(
                eventId,
                rs.getDate("effective_date").toLocalDate(),
                rs.getString("manager"),
                EventStatus.valueOf(rs.getString("status")),
                rs.getString("source"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                audit,
                deadLetters);
    }

    private void audit(LeaverEvent event, OffboardingStep step, String status, String detail, String requestId) {
        jdbc.update(
                "INSERT INTO offboarding_audit (event_id, upn, step, status, detail, request_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.eventId(),
                event.userPrincipalName(),
                step.id(),
                status,
                truncated(detail),
                requestId,
                Timestamp.from(Instant.now()));
    }

    private void setStatus(LeaverEvent event, EventStatus status) {
        jdbc.update(
                "UPDATE leaver_events SET status = ?, updated_at = ? WHERE event_id = ?",
                status.name(),
                Timestamp.from(Instant.now()),
                event.eventId());
    }

    private static String truncated(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }
}
