package io.camelexo.exchangeonline.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
