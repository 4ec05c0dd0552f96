package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoException;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Requests up to {@code pagesAhead} pages ahead of the reader on a background task, so the next page travels while
 * the route works on the current one. At most {@code 1 + pagesAhead} pages of the result are in memory: the page
 * being read and the ones received or being received ahead of it. Closing the source cancels the task, which stops
 * at once if it waits and drops what it received; a request already on the wire is answered into the void.
 */
final class PrefetchingPageSource implements PageSource {

    private static final Object END = new Object();

    private final AdminApiClient.Call call;
    private final ExecutorService executor;
    /** Permits for the pages the result may hold: the one being read plus those ahead of it. */
    private final Semaphore room;
    /** Received pages in order, then END or the failure that ended the reading ahead. */
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    private volatile boolean closed;
    private volatile Future<?> task;

    PrefetchingPageSource(AdminApiClient.Call call, int pagesAhead, ExecutorService executor) {
        this.call = call;
        this.executor = executor;
        this.room = new Semaphore(1 + pagesAhead);
    }

    @Override
    public PageReader first() {
        room.acquireUninterruptibly();
        ReceivedPage first = call.fetch(null, 0);
        ReceivedPage.PageOutline outline = first.outline(countsRecords());
        if (outline.nextLink() != null && call.limit.wantsAnotherPage(outline.records())) {
            task = executor.submit(() -> readAhead(outline.nextLink(), outline.records()));
        } else {
            received.add(END);
        }
        return first.reader();
    }

    /** A limit of N records needs the count of each page to know when to stop; an unlimited listing does not. */
    private boolean countsRecords() {
        return !call.limit.isUnlimited();
    }

    private void readAhead(URI firstLink, long recordsBefore) {
        URI link = firstLink;
        long records = recordsBefore;
        try {
            while (link != null && !closed && call.limit.wantsAnotherPage(records)) {
                room.acquire();
                if (closed) {
                    return;
                }
                ReceivedPage page = call.fetch(link, records);
                ReceivedPage.PageOutline outline = page.outline(countsRecords());
                records += outline.records();
                received.add(page);
                link = outline.nextLink();
            }
            received.add(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            received.add(e);
        }
    }

    @Override
    public PageReader next(PageReader finished, long delivered) {
        room.release();
        Object item;
        try {
            item = received.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExoException(
                    call.cmdlet() + " was interrupted while waiting for its next page [client-request-id "
                            + call.requestId + "]",
                    0,
                    null,
                    call.requestId,
                    e);
        }
        if (item == END) {
            received.add(END);
            return null;
        }
        if (item instanceof RuntimeException failure) {
            throw failure;
        }
        return ((ReceivedPage) item).reader();
    }

    @Override
    public void close() {
        closed = true;
        if (task != null) {
            task.cancel(true);
        }
        received.clear();
    }
}
