package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the parts of a listing split by {@link NamePartitions}, N at a time, and hands their pages to the result in the
 * order they arrive. There are more parts than N so that no single large part decides the time: when the reader takes
 * a part's last page, the next part starts. Every request goes through its part's call, so through the session's
 * governor: N parts with fewer slots simply queue there. Each running part has one page requested or received ahead of
 * the reader and requests its next page when the reader takes that one, so at most N + 1 pages of the listing are in
 * memory: one received or on its way per running part, and the one the reader is on. No thread waits for the reader: a
 * task only requests one page.
 *
 * <p>Closing the source cancels every part. When a part fails, the others are cancelled at once and the reader gets the
 * failure when it asks for its next page; the records it was already handed stay handed out.
 */
final class PartitionedPageSource implements PageSource {

    /** Requests one page of one part: its first page for a null link, else the page behind the link. */
    @FunctionalInterface
    interface PartPages {
        ReceivedPage fetch(URI nextLink);
    }

    /** A page of part {@code part}, and the link to the part's next page (null after its last). */
    private record Arrival(int part, ReceivedPage page, URI nextLink) {}

    /** Wakes a reader that waits while the source is closed. */
    private static final Object CLOSED = new Object();

    private final List<PartPages> parts;
    /** How many parts are read at once. */
    private final int running;

    private final ExecutorService executor;
    private final String cmdlet;
    /** Pages in the order they arrived, a part's failure, or CLOSED. */
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    /** The request task of each part; at most one per part at any time. */
    private final Future<?>[] requests;

    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopped;
    /** Parts whose last page the reader has not taken yet; read and written by the reader only. */
    private int unfinished;
    /** The next part to start; read and written by the reader only. */
    private int nextPart;

    PartitionedPageSource(List<PartPages> parts, int running, ExecutorService executor, String cmdlet) {
        this.parts = List.copyOf(parts);
        this.running = running;
        this.executor = executor;
        this.cmdlet = cmdlet;
        this.requests = new Future<?>[parts.size()];
    }

    /**
     * The source for the planned calls of the parts, {@code running} at a time, each requesting its pages with its own
     * client-request-id.
     */
    static PartitionedPageSource of(List<AdminApiClient.Call> calls, int running, ExecutorService executor) {
        return new PartitionedPageSource(
                calls.stream()
                        .map(call -> (PartPages) link -> call.fetch(link, 0))
                        .toList(),
                running,
                executor,
                calls.get(0).cmdlet());
    }

    @Override
    public PageReader first() {
        unfinished = parts.size();
        while (nextPart < Math.min(running, parts.size())) {
            request(nextPart++, null);
        }
        return handOut();
    }

    @Override
    public PageReader next(PageReader finished, long delivered) {
        return handOut();
    }

    /**
     * The next page that arrived, once its part's next page has been asked for; null when every part has ended. A
     * failure that arrives instead of a page is thrown by the next round of the loop.
     */
    private PageReader handOut() {
        while (unfinished > 0) {
            throwIfFailed();
            Object item;
            try {
                item = arrivals.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExoException(
                        cmdlet + " was interrupted while waiting for a page of its Name ranges", 0, null, null, e);
            }
            if (item == CLOSED) {
                arrivals.add(CLOSED);
                return null;
            }
            if (item instanceof Arrival arrival) {
                if (arrival.nextLink() != null) {
                    request(arrival.part(), arrival.nextLink());
                } else {
                    unfinished--;
                    if (nextPart < parts.size()) {
                        request(nextPart++, null);
                    }
                }
                return arrival.page().reader();
            }
        }
        return null;
    }

    private void throwIfFailed() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    private synchronized void request(int part, URI link) {
        if (!stopped) {
            requests[part] = executor.submit(() -> receive(part, link));
        }
    }

    private void receive(int part, URI link) {
        try {
            ReceivedPage page = parts.get(part).fetch(link);
            URI nextLink = page.outline(false).nextLink();
            if (!stopped) {
                arrivals.add(new Arrival(part, page, nextLink));
            }
        } catch (RuntimeException e) {
            // a part cancelled by close() or by another part's failure ends quietly
            if (!stopped && failure.compareAndSet(null, e)) {
                stop();
                arrivals.add(e);
            }
        }
    }

    /** Cancels every part's request: one waiting for the governor stops waiting, one on the wire is abandoned. */
    private synchronized void stop() {
        stopped = true;
        for (Future<?> request : requests) {
            if (request != null) {
                request.cancel(true);
            }
        }
    }

    @Override
    public void close() {
        stop();
        arrivals.clear();
        arrivals.add(CLOSED);
    }
}
