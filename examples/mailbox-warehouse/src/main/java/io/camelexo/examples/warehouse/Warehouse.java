package io.camelexo.examples.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The warehouse tables: created if missing, loaded with multi-row upserts keyed by the mailbox's ExchangeGuid. */
@Component
public class Warehouse {

    private static final Upsert UPSERT_MAILBOX = new Upsert("""
            INSERT INTO mailboxes (exchange_guid, identity, display_name, user_principal_name, primary_smtp_address,
                recipient_type_details, hidden_from_address_lists, forwarding_smtp_address, prohibit_send_quota_bytes,
                when_mailbox_created, run_id, loaded_at)""", 12, """
            ON CONFLICT (exchange_guid) DO UPDATE SET identity = EXCLUDED.identity, display_name = EXCLUDED.display_name,
                user_principal_name = EXCLUDED.user_principal_name, primary_smtp_address = EXCLUDED.primary_smtp_address,
                recipient_type_details = EXCLUDED.recipient_type_details,
                hidden_from_address_lists = EXCLUDED.hidden_from_address_lists,
                forwarding_smtp_address = EXCLUDED.forwarding_smtp_address,
                prohibit_send_quota_bytes = EXCLUDED.prohibit_send_quota_bytes,
                when_mailbox_created = EXCLUDED.when_mailbox_created, run_id = EXCLUDED.run_id, loaded_at = EXCLUDED.loaded_at""");
    private static final Upsert UPSERT_STATISTICS = new Upsert("""
            INSERT INTO mailbox_statistics (exchange_guid, item_count, total_item_size_bytes, deleted_item_count,
                total_deleted_item_size_bytes, last_logon_time, run_id, loaded_at)""", 8, """
            ON CONFLICT (exchange_guid) DO UPDATE SET item_count = EXCLUDED.item_count,
                total_item_size_bytes = EXCLUDED.total_item_size_bytes, deleted_item_count = EXCLUDED.deleted_item_count,
                total_deleted_item_size_bytes = EXCLUDED.total_deleted_item_size_bytes,
                last_logon_time = EXCLUDED.last_logon_time, run_id = EXCLUDED.run_id, loaded_at = EXCLUDED.loaded_at""");

    private static final Upsert UPSERT_AUDIT_EVENT = new Upsert("""
            INSERT INTO audit_events (record_id, creation_date, record_type, operation, user_id, audit_data, window_end,
                loaded_at)""", 8, """
            ON CONFLICT (record_id) DO UPDATE SET creation_date = EXCLUDED.creation_date,
                record_type = EXCLUDED.record_type, operation = EXCLUDED.operation, user_id = EXCLUDED.user_id,
                audit_data = EXCLUDED.audit_data, window_end = EXCLUDED.window_end, loaded_at = EXCLUDED.loaded_at""");

    /** Rows per upsert statement: 500 rows of 12 values stay far below PostgreSQL's 65,535 parameters. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;

    public Warehouse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        createTables();
    }

    private void createTables() {
        try {
            String ddl = new ClassPathResource("warehouse-schema.sql").getContentAsString(StandardCharsets.UTF_8);
            Arrays.stream(ddl.replaceAll("--[^\n]*", "").split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(jdbc::execute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void upsertMailboxes(List<Map<String, Object>> mailboxes, String runId) {
        Timestamp now = Timestamp.from(Instant.now());
        upsert(
                UPSERT_MAILBOX,
                mailboxes.stream()
                        .map(m -> new Object[] {
                            m.get("ExchangeGuid"),
                            m.get("Identity"),
                            m.get("DisplayName"),
                            m.get("UserPrincipalName"),
                            m.get("PrimarySmtpAddress"),
                            m.get("RecipientTypeDetails"),
                            m.get("HiddenFromAddressListsEnabled"),
                            m.get("ForwardingSmtpAddress"),
                            ByteQuantity.parse(m.get("ProhibitSendQuota")),
                            text(m.get("WhenMailboxCreated")),
                            runId,
                            now
                        })
                        .toList());
    }

    /** Statistics records, each carrying the ExchangeGuid it was asked for. */
    void upsertStatistics(List<Map<String, Object>> statistics, String runId) {
        Timestamp now = Timestamp.from(Instant.now());
        upsert(
                UPSERT_STATISTICS,
                statistics.stream()
                        .filter(Objects::nonNull)
                        .map(s -> new Object[] {
                            s.get("ExchangeGuid"),
                            number(s.get("ItemCount")),
                            ByteQuantity.parse(s.get("TotalItemSize")),
                            number(s.get("DeletedItemCount")),
                            ByteQuantity.parse(s.get("TotalDeletedItemSize")),
                            text(s.get("LastLogonTime")),
                            runId,
                            now
                        })
                        .toList());
    }

    /** One audit record, keyed by its record id: read again (overlap, a retried window), it is updated, not doubled. */
    void upsertAuditEvent(String recordId, Map<String, Object> record, Instant windowEnd) {
        upsert(UPSERT_AUDIT_EVENT, List.<Object[]>of(new Object[] {
            recordId,
            text(record.get("CreationDate")),
            record.get("RecordType"),
            record.get("Operations"),
            record.get("UserIds"),
            text(record.get("AuditData")),
            Timestamp.from(windowEnd),
            Timestamp.from(Instant.now())
        }));
    }

    /** Rows in audit_events. */
    long auditEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM audit_events", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Many rows per statement ({@code VALUES (...), (...)}) rather than a JDBC batch: DuckDB runs a batch one row at a
     * time, and on a busy machine a batch of 500 upserts took it tens of seconds where one statement of 500 rows took
     * under one.
     */
    private void upsert(Upsert upsert, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            jdbc.update(
                    upsert.statement(chunk.size()),
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }

    /** An {@code INSERT ... ON CONFLICT} split around its VALUES list, so that it takes any number of rows. */
    private record Upsert(String insertInto, int columns, String onConflict) {

        String statement(int rows) {
            String row = "(" + "?, ".repeat(columns - 1) + "?)";
            return insertInto + "\nVALUES " + String.join(", ", Collections.nCopies(rows, row)) + "\n" + onConflict;
        }
    }

    void startRun(EtlRun run) {
        jdbc.update(
                "INSERT INTO etl_runs (run_id, started_at, status, mailboxes, statistics, failures) VALUES (?, ?, 'RUNNING', 0, 0, 0)",
                run.id(),
                Timestamp.from(run.started()));
    }

    void finishRun(EtlRun run, String status, String message) {
        jdbc.update(
                "UPDATE etl_runs SET ended_at = ?, status = ?, mailboxes = ?, statistics = ?, failures = ?, message = ? WHERE run_id = ?",
                Timestamp.from(Instant.now()),
                status,
                run.mailboxes(),
                run.statistics(),
                run.failures(),
                message == null ? null : message.substring(0, Math.min(message.length(), 2000)),
                run.id());
    }

    void recordFailure(EtlRun run, String identity, String step, String error) {
        jdbc.update(
                "INSERT INTO etl_failures (run_id, identity, step, error, failed_at) VALUES (?, ?, ?, ?, ?)",
                run.id(),
                identity,
                step,
                error == null ? null : error.substring(0, Math.min(error.length(), 2000)),
                Timestamp.from(Instant.now()));
    }

    /** The query the summary suggests, and shows the answer of. */
    static final String SIZE_BY_TYPE = """
            SELECT recipient_type_details, count(*) AS mailboxes, round(sum(total_item_size_bytes) / 1e9, 1) AS gb
            FROM mailboxes JOIN mailbox_statistics USING (exchange_guid) GROUP BY 1 ORDER BY 3 DESC""";

    List<Map<String, Object>> sizeByType() {
        return jdbc.queryForList(SIZE_BY_TYPE);
    }

    /** Rows of the report: every mailbox with its size, largest first. */
    List<Map<String, Object>> report() {
        return jdbc.queryForList("""
                SELECT m.display_name, m.primary_smtp_address, m.recipient_type_details, s.item_count, s.total_item_size_bytes
                FROM mailboxes m LEFT JOIN mailbox_statistics s ON s.exchange_guid = m.exchange_guid
                ORDER BY s.total_item_size_bytes DESC NULLS LAST, m.primary_smtp_address""");
    }

    private static Long number(Object value) {
        return value instanceof Number n
                ? n.longValue()
                : value == null ? null : Long.valueOf(value.toString().replace(",", ""));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
