package io.camelexo.exchangeonline.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The requests every server received, oldest first, for tests to query. Bounded: beyond its capacity the oldest
 * entries are dropped, so a benchmark of a million pages does not fill the heap.
 */
public final class Journal {

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    Journal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        notifyAll();
    }

    public synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public List<JournalEntry> entries(SimulatedService service) {
        return entries(entry -> entry.service() == service);
    }

    /** Admin API calls that ran the cmdlet (case-insensitive). */
    public List<JournalEntry> cmdletCalls(String cmdlet) {
        return entries(entry -> cmdlet.equalsIgnoreCase(entry.cmdlet()));
    }

    /**
     * Waits until the journal holds a matching entry (one already there counts) and returns the first. Lets a test
     * act right after a request instead of after a guessed delay; the timeout only keeps a broken test from hanging.
     *
     * @throws IllegalStateException when no matching request arrived within the timeout
     */
    public synchronized JournalEntry await(Predicate<JournalEntry> filter, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JournalEntry entry : entries) {
                if (filter.test(entry)) {
                    return entry;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("No matching request within " + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
