package io.camelexo.examples.warehouse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One ETL pass at a time: records the run in etl_runs, drives the route, keeps the counters the progress lines and
 * the summary print, and writes the optional CSV report. A mailbox that fails is recorded and the run goes on; a
 * failure of the mailbox listing itself fails the run.
 */
@Component
public class MailboxEtl {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxEtl.class);

    private final Warehouse warehouse;
    private final WarehouseProperties properties;
    private final ProducerTemplate routes;
    private final String warehouseLocation;
    private volatile EtlRun current;

    public MailboxEtl(
            Warehouse warehouse,
            WarehouseProperties properties,
            ProducerTemplate routes,
            org.springframework.core.env.Environment environment) {
        this.warehouse = warehouse;
        this.properties = properties;
        this.routes = routes;
        this.warehouseLocation = environment.getProperty("spring.datasource.url", "(default data source)");
    }

    /** Runs one pass; returns it, with {@link EtlRun#failures()} and the thrown exception telling how it went. */
    public synchronized EtlRun runOnce() {
        EtlRun run = new EtlRun();
        current = run;
        warehouse.startRun(run);
        LOG.info("ETL run {} started", run.id());
        Exchange result = routes.send("direct:mailbox-etl", exchange -> {});
        if (result.getException() != null) {
            warehouse.finishRun(run, "FAILED", result.getException().getMessage());
            LOG.error(
                    "ETL run {} FAILED after {} mailboxes: {}",
                    run.id(),
                    run.mailboxes(),
                    result.getException().getMessage());
            throw new EtlFailedException(run, result.getException());
        }
        warehouse.finishRun(run, run.failures() == 0 ? "SUCCEEDED" : "PARTIAL", null);
        exportCsv();
        printSummary(run);
        return run;
    }

    /** A batch of mailboxes from the stream: upserted at once. */
    public void loadMailboxes(List<Map<String, Object>> mailboxes) {
        EtlRun run = current;
        warehouse.upsertMailboxes(mailboxes, run.id());
        long total = run.addMailboxes(mailboxes.size());
        if (total / properties.getProgressEvery() != (total - mailboxes.size()) / properties.getProgressEvery()) {
            LOG.info(
                    "{} mailboxes loaded ({} mailboxes/s, page ~{}), {} statistics, {} failures",
                    total,
                    run.rate(),
                    (total + properties.getPageSize() - 1) / properties.getPageSize(),
                    run.statistics(),
                    run.failures());
        }
    }

    /** The statistics of one batch of mailboxes (null entries are mailboxes whose call failed). */
    public void loadStatistics(List<Map<String, Object>> statistics) {
        List<Map<String, Object>> loaded = statistics.stream()
                .filter(s -> s != null && s.get("ExchangeGuid") != null)
                .toList();
        warehouse.upsertStatistics(loaded, current.id());
        current.addStatistics(loaded.size());
    }

    /** A mailbox whose statistics call failed after the component's retries: recorded, the run goes on. */
    public void recordStatisticsFailure(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String identity = exchange.getIn().getHeader(EtlRoutes.MAILBOX_GUID, String.class);
        current.addFailure();
        warehouse.recordFailure(
                current, identity, "Get-EXOMailboxStatistics", failure == null ? null : failure.getMessage());
        LOG.warn(
                "Statistics of mailbox {} failed, recorded in etl_failures: {}",
                identity,
                failure == null ? "?" : failure.getMessage());
    }

    private void exportCsv() {
        if (properties.getCsvExport() == null || properties.getCsvExport().isBlank()) {
            return;
        }
        Path file = Path.of(properties.getCsvExport());
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("DisplayName,PrimarySmtpAddress,RecipientTypeDetails,ItemCount,TotalItemSizeBytes\n");
                for (Map<String, Object> row : warehouse.report()) {
                    out.write(csv(row.get("display_name")) + "," + csv(row.get("primary_smtp_address")) + ","
                            + csv(row.get("recipient_type_details")) + "," + csv(row.get("item_count")) + ","
                            + csv(row.get("total_item_size_bytes")) + "\n");
                }
            }
            LOG.info("Report written to {}", file.toAbsolutePath());
        } catch (IOException e) {
            throw new EtlFailedException(current, e);
        }
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private void printSummary(EtlRun run) {
        StringBuilder answer = new StringBuilder();
        for (Map<String, Object> row : warehouse.sizeByType()) {
            answer.append(String.format(
                    "%n               %-24s %8s mailboxes %10s GB",
                    row.get("recipient_type_details"), row.get("mailboxes"), row.get("gb")));
        }
        LOG.info(
                """

                ==== Mailbox warehouse ETL run {} ====
                  mailboxes  : {}
                  statistics : {}
                  failures   : {}{}
                  duration   : {} s ({} mailboxes/s)
                  warehouse  : {}
                  try        : {}
                  which gives:{}
                """,
                run.id(),
                run.mailboxes(),
                run.statistics(),
                run.failures(),
                run.failures() > 0 ? " (see etl_failures)" : "",
                run.elapsed().toMillis() / 1000.0,
                run.rate(),
                warehouseLocation,
                Warehouse.SIZE_BY_TYPE.replace("\n", "\n               "),
                answer);
    }

    /** The run failed as a whole (the mailbox listing broke off, or the report could not be written). */
    public static final class EtlFailedException extends RuntimeException {
        private final transient EtlRun run;

        EtlFailedException(EtlRun run, Throwable cause) {
            super("ETL run " + run.id() + " failed: " + cause.getMessage(), cause);
            this.run = run;
        }

        public EtlRun run() {
            return run;
        }
    }
}
