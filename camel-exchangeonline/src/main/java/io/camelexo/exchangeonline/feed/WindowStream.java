package io.camelexo.exchangeonline.feed;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The records of a time range read window by window, as an iterator the route pulls from: a reader thread of its own
 * hands records over through a small buffer, so at most {@value #BUFFER} records wait besides the page being read.
 * A failure of the reader is thrown by {@link #hasNext()}; {@link #close()} stops the reader at its next record.
 */
public final class WindowStream implements Iterator<Map<String, Object>>, Closeable {

    static final int BUFFER = 256;
    private static final Object END = new Object();

    private final BlockingQueue<Object> handoff = new ArrayBlockingQueue<>(BUFFER);
    private volatile boolean closed;
    private Object next;

    public WindowStream(WindowReader reader, List<FeedWindow> windows, String threadName) {
        Thread thread = new Thread(
                () -> {
                    try {
                        for (FeedWindow window : windows) {
                            if (!reader.read(window, (record, recordId) -> handOver(record))) {
                                return; // closed
                            }
                        }
                        handOver(END);
                    } catch (RuntimeException e) {
                        handOver(e);
                    }
                },
                threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** False once the stream was closed: the reader stops. */
    private boolean handOver(Object item) {
        try {
            while (!closed) {
                if (handoff.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            try {
                next = handoff.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the next record", e);
            }
        }
        if (next instanceof RuntimeException failure) {
            close();
            throw failure;
        }
        return next != null && next != END && !closed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map<String, Object> record = (Map<String, Object>) next;
        next = null;
        return record;
    }

    @Override
    public void close() {
        closed = true;
        handoff.clear();
    }
}
