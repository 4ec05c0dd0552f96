package io.camelexo.examples.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Scheduled passes when the application runs as a service (not with --once). */
@Component
@Profile("!once")
public class EtlSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(EtlSchedule.class);
    private final MailboxEtl etl;

    public EtlSchedule(MailboxEtl etl) {
        this.etl = etl;
    }

    @Scheduled(cron = "${warehouse.cron:0 0 2 * * *}")
    void run() {
        try {
            etl.runOnce();
        } catch (MailboxEtl.EtlFailedException e) {
            LOG.error("Scheduled ETL run failed (recorded in etl_runs); the next one runs at the next cron time", e);
        }
    }
}
