package io.camelexo.examples.warehouse;

import io.camelexo.exchangeonline.simulator.springboot.SimulatorFallback;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Mailbox warehouse ETL and audit-log feed. {@code --once} runs one pass of the ETL and one poll of the feed and exits 0
 * when both completed (mailboxes whose statistics failed are listed in etl_failures) or 1 when either failed; otherwise
 * ETL passes run on {@code warehouse.cron} and the feed polls every {@code warehouse.audit-poll-delay}.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(WarehouseProperties.class)
public class MailboxWarehouseApplication {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxWarehouseApplication.class);

    public static void main(String[] args) throws java.io.IOException {
        // the default DuckDB warehouse lives in ./data; DuckDB creates the file, not the folder
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("data"));
        boolean once = Arrays.asList(args).contains("--once");
        SpringApplication application = new SpringApplication(MailboxWarehouseApplication.class);
        SimulatorFallback simulatorFallback = new SimulatorFallback();
        application.addListeners(simulatorFallback);
        application.addInitializers(simulatorFallback);
        if (once) {
            application.setAdditionalProfiles("once");
        }
        ConfigurableApplicationContext context = application.run(args);
        if (once) {
            int exitCode = Math.max(
                    runOnce(context.getBean(MailboxEtl.class)),
                    awaitAuditPoll(context.getBean(AuditFeed.class), context.getBean(Warehouse.class)));
            System.exit(SpringApplication.exit(context, () -> exitCode));
        }
    }

    /** The audit-log feed's first poll, which runs beside the mailbox ETL: 0 when it loaded what was due, else 1. */
    static int awaitAuditPoll(AuditFeed feed, Warehouse warehouse) {
        try {
            AuditFeed.Poll poll = feed.awaitFirstPoll(Duration.ofMinutes(30));
            if (poll == null || !poll.succeeded()) {
                LOG.error(
                        "Audit-log feed: {}",
                        poll == null ? "no poll finished in 30 minutes" : "failed: " + poll.failure());
                return 1;
            }
            LOG.info(
                    """

                    ==== Audit-log feed ====
                      events     : {} loaded (new or read again) this run, {} in audit_events
                      up to      : {} (the next run starts there)
                      try        : SELECT operation, count(*) FROM audit_events GROUP BY operation ORDER BY 2 DESC
                    """,
                    poll.events(),
                    warehouse.auditEvents(),
                    poll.upTo() == null ? "the watermark it had (nothing new was due)" : poll.upTo());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static int runOnce(MailboxEtl etl) {
        try {
            etl.runOnce();
            return 0;
        } catch (MailboxEtl.EtlFailedException e) {
            return 1;
        }
    }
}
