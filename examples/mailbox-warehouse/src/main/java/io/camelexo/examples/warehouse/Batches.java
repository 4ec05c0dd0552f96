package io.camelexo.examples.warehouse;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Groups a lazy record stream into lists of up to {@code size} records, still lazily, for
 * {@code split(method(Batches.class, "of(${body}, 500)")).streaming()}: the split then hands each batch to the next
 * step in the same thread, so the run is over when the split is. Closing the batches closes the stream (the
 * component's paging stops).
 */
public final class Batches implements Iterator<List<Object>>, Closeable {

    private final Iterator<?> records;
    private final int size;

    private Batches(Iterator<?> records, int size) {
        this.records = records;
        this.size = size;
    }

    public static Batches of(Iterator<?> records, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A batch holds at least one record, got " + size);
        }
        return new Batches(records, size);
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public List<Object> next() {
        if (!records.hasNext()) {
            throw new NoSuchElementException();
        }
        List<Object> batch = new ArrayList<>(size);
        while (batch.size() < size && records.hasNext()) {
            batch.add(records.next());
        }
        return batch;
    }

    @Override
    public void close() throws IOException {
        if (records instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
