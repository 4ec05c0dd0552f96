package io.camelexo.examples.warehouse;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code warehouse.*}: how the ETL runs. */
@ConfigurationProperties(prefix = "warehouse")
public class WarehouseProperties {

    /** Mailboxes per JDBC batch (and per wave of statistics calls). */
    private int batchSize = 500;
    /**
     * Threads that call Get-EXOMailboxStatistics. How many calls are in flight at once is bounded by the session's
     * {@code camel.component.exo.max-concurrent-requests}; more threads than that only wait.
     */
    private int statisticsParallelism = 8;
    /** A progress line every this many mailboxes. */
    private int progressEvery = 1000;
    /** Records per page from the service (1..1000). */
    private int pageSize = 1000;
    /** When not started with --once: when to run, as a Spring cron expression. */
    private String cron = "0 0 2 * * *";
    /** Also write the report (mailboxes with their sizes) to this CSV file; empty for none. */
    private String csvExport = "";

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getStatisticsParallelism() {
        return statisticsParallelism;
    }

    public void setStatisticsParallelism(int statisticsParallelism) {
        this.statisticsParallelism = statisticsParallelism;
    }

    public int getProgressEvery() {
        return progressEvery;
    }

    public void setProgressEvery(int progressEvery) {
        this.progressEvery = progressEvery;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getCsvExport() {
        return csvExport;
    }

    public void setCsvExport(String csvExport) {
        this.csvExport = csvExport;
    }
}
