package io.camelexo.exchangeonline.simulator.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The tenant's message trace as Get-MessageTraceV2 sees it: one row per message and recipient, several rows sharing a
 * message's Received time. Messages are generated per hour from the seed (a configurable number, none by default) or
 * added by a test; the service keeps 90 days (Microsoft Learn, Get-MessageTraceV2).
 */
public final class MessageTrace {

    public static final Duration RETENTION = Duration.ofDays(90);

    /**
     * A row reports GettingStatus until this long after it was received, then its final Status: Microsoft names a 5 to
     * 10 minute delay between delivery and its reported status, so a row read early changes when read again.
     */
    public static final Duration STATUS_DELAY = Duration.ofMinutes(10);

    /** One row: a message as delivered to one recipient. */
    public record Row(
            String messageTraceId,
            String messageId,
            Instant received,
            String senderAddress,
            String recipientAddress,
            String subject,
            String status,
            int size) {

        Row withStatus(String newStatus) {
            return new Row(
                    messageTraceId, messageId, received, senderAddress, recipientAddress, subject, newStatus, size);
        }
    }

    /** Newest first; rows of one Received time by recipient, as the keyset walk continues them. */
    public static final Comparator<Row> SERVICE_ORDER =
            Comparator.comparing(Row::received).reversed().thenComparing(Row::recipientAddress);

    private static final List<String> STATUSES =
            List.of("Delivered", "Delivered", "Delivered", "Delivered", "FilteredAsSpam", "Failed", "Quarantined");

    private final Tenant tenant;
    private final List<Row> added = new ArrayList<>();
    private volatile int generatedPerHour;

    MessageTrace(Tenant tenant) {
        this.tenant = tenant;
    }

    /** Generate this many messages (of one to three recipients each) in every hour (0 = only added ones). */
    public void generatePerHour(int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("Messages per hour cannot be negative, got " + messages);
        }
        this.generatedPerHour = messages;
    }

    /** A message to these recipients, received at {@code received} (100 ns precision, as the service reports). */
    public synchronized List<Row> add(Instant received, String sender, List<String> recipients, String subject) {
        UUID id = Seeds.guid(tenant.seed(), "trace-added", added.size());
        List<Row> rows = new ArrayList<>();
        for (String recipient : recipients) {
            rows.add(row(id, received, sender, recipient, subject, "Delivered", 4096));
        }
        added.addAll(rows);
        return rows;
    }

    /** Rows received in {@code [start, end]}, retained at {@code now}, in the service's order. */
    public List<Row> search(Instant start, Instant end, Instant now) {
        Instant retainedSince = now.minus(RETENTION);
        Instant from = start.isAfter(retainedSince) ? start : retainedSince;
        List<Row> found = new ArrayList<>();
        synchronized (this) {
            for (Row row : added) {
                if (!row.received().isBefore(from) && !row.received().isAfter(end)) {
                    found.add(row);
                }
            }
        }
        int perHour = generatedPerHour;
        if (perHour > 0) {
            for (long hour = from.getEpochSecond() / 3600; hour <= end.getEpochSecond() / 3600; hour++) {
                for (int i = 0; i < perHour; i++) {
                    for (Row row : generated(hour, i)) {
                        if (!row.received().isBefore(from) && !row.received().isAfter(end)) {
                            found.add(row);
                        }
                    }
                }
            }
        }
        found.sort(SERVICE_ORDER);
        Instant settled = now.minus(STATUS_DELAY);
        found.replaceAll(row -> row.received().isAfter(settled) ? row.withStatus("GettingStatus") : row);
        return found;
    }

    private List<Row> generated(long hour, int i) {
        long index = hour * 100_000 + i;
        SplittableRandom rnd = Seeds.random(tenant.seed(), "trace", index);
        // 100 ns ticks, as Received carries seven fractional digits
        Instant received = Instant.ofEpochSecond(hour * 3600 + rnd.nextInt(3600), rnd.nextInt(10_000_000) * 100L);
        UUID id = Seeds.guid(tenant.seed(), "trace", index);
        int mailboxes = tenant.mailboxes().generated();
        String sender = tenant.mailboxes().get(rnd.nextInt(mailboxes)).primarySmtpAddress();
        String status = STATUSES.get(rnd.nextInt(STATUSES.size()));
        int size = 2_000 + rnd.nextInt(200_000);
        int recipients = 1 + rnd.nextInt(3);
        List<Row> rows = new ArrayList<>(recipients);
        for (int r = 0; r < recipients; r++) {
            String recipient = tenant.mailboxes().get(rnd.nextInt(mailboxes)).primarySmtpAddress();
            if (rows.stream().noneMatch(row -> row.recipientAddress().equals(recipient))) {
                rows.add(row(id, received, sender, recipient, "Message " + index, status, size));
            }
        }
        return rows;
    }

    private Row row(
            UUID id, Instant received, String sender, String recipient, String subject, String status, int size) {
        return new Row(
                id.toString(),
                "<" + id + "@" + tenant.smtpDomain() + ">",
                received,
                sender,
                recipient,
                subject,
                status,
                size);
    }
}
