package io.camelexo.examples.warehouse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One pass of the ETL: its id and counters, shared by the route's threads. */
public final class EtlRun {

    private final String id = UUID.randomUUID().toString();
    private final Instant started = Instant.now();
    private final AtomicLong mailboxes = new AtomicLong();
    private final AtomicLong statistics = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public String id() {
        return id;
    }

    public Instant started() {
        return started;
    }

    long addMailboxes(int count) {
        return mailboxes.addAndGet(count);
    }

    void addStatistics(int count) {
        statistics.addAndGet(count);
    }

    void addFailure() {
        failures.incrementAndGet();
    }

    public long mailboxes() {
        return mailboxes.get();
    }

    public long statistics() {
        return statistics.get();
    }

    public long failures() {
        return failures.get();
    }

    Duration elapsed() {
        return Duration.between(started, Instant.now());
    }

    /** Mailboxes per second so far. */
    long rate() {
        long millis = Math.max(1, elapsed().toMillis());
        return mailboxes() * 1000 / millis;
    }
}
