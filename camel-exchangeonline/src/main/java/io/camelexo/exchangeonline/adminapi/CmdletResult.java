package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.io.Closeable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The records of one call, read lazily: a record is parsed when {@link #next()} needs it; pages come from a
 * {@link PageSource}, which requests them when the current one is used up or reads ahead of it. {@link #close()} (or
 * reading to the end, or a failure) stops the paging and cancels what was read ahead. One reader at a time.
 */
public final class CmdletResult implements Iterator<Map<String, Object>>, Closeable {

    static final String MORE_RESULTS_WARNING = "There are more results available than are currently displayed. "
            + "To view them, increase the value for the ResultSize parameter.";
    private static final String MORE_RESULTS_PREFIX = "There are more results available than are currently displayed";

    private final AdminApiClient.Call call;
    private final PageSource pages;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private PageReader page;
    private long deliveredBeforePage;
    private int pageRereads;
    private Map<String, Object> next;
    private long delivered;
    private long deliveredReported;
    private int pagesRequested;
    private boolean closed;

    CmdletResult(AdminApiClient.Call call, PageSource pages) {
        this.call = call;
        this.pages = pages;
        try {
            this.page = pages.first();
        } catch (RuntimeException e) {
            pages.close();
            throw e;
        }
        this.pagesRequested = 1;
    }

    /** The client-request-id shared by every page and retry of this call. */
    public String requestId() {
        return call.requestId;
    }

    /**
     * The service's warnings of the pages read so far (all of them once the result is read to its end), without
     * the "more results" notice while pages are being followed; it stays when the result was cut by ResultSize.
     */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public int pagesRequested() {
        return pagesRequested;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        try {
            return advance();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more records from " + call.cmdlet());
        }
        Map<String, Object> record = next;
        next = null;
        delivered++;
        return record;
    }

    private boolean advance() {
        while (true) {
            boolean limitReached = delivered >= call.limit.maxRecords();
            if (!limitReached) {
                Map<String, Object> record = readRecord();
                if (record != null) {
                    next = record;
                    return true;
                }
            }
            // annotations may follow the records: a page cut by ResultSize is read to its end for its warnings and
            // errors
            boolean recordsLeft = limitReached && skipRestOfPage();
            URI nextLink = page.nextLink();
            boolean followNextLink = !limitReached && nextLink != null && call.limit.wantsAnotherPage(delivered);
            collectWarnings(followNextLink, nextLink != null || recordsLeft);
            List<String> errors = new ArrayList<>(page.errors());
            PageReader finished = page;
            finished.close();
            reportDelivered();
            if (!errors.isEmpty()) {
                close();
                throw reportedErrors(finished, errors);
            }
            PageReader following = limitReached ? null : pages.next(finished, delivered);
            if (following == null) {
                close();
                return false;
            }
            page = following;
            deliveredBeforePage = delivered;
            pagesRequested++;
        }
    }

    /**
     * The next record of the page. A read cmdlet's page whose JSON ends early (a proxy that cut the body short) is
     * asked for again (same URL, same client-request-id) and the records already handed out are skipped.
     */
    private Map<String, Object> readRecord() {
        while (true) {
            try {
                return page.nextRecord();
            } catch (ExoProtocolException e) {
                if (!PageReader.endedEarly(e)
                        || !call.readCmdlet
                        || pageRereads >= call.options.retryPolicy().maxRetries()) {
                    throw call.readFailure(e);
                }
                pageRereads++;
                page.close();
                page = page.page().again(deliveredBeforePage).reader();
                for (long skipped = deliveredBeforePage; skipped < delivered; skipped++) {
                    if (page.nextRecord() == null) {
                        throw new ExoProtocolException(
                                call.cmdlet() + ": the page read again after it ended early holds fewer records "
                                        + "than were already delivered [client-request-id " + call.requestId + "]",
                                200,
                                call.requestId,
                                e);
                    }
                }
            }
        }
    }

    /** Parses and drops the page's remaining records; true if there were any. */
    private boolean skipRestOfPage() {
        boolean any = false;
        while (readRecord() != null) {
            any = true;
        }
        return any;
    }

    private void collectWarnings(boolean followingNextLink, boolean moreExist) {
        for (String warning : page.warnings()) {
            if (!(followingNextLink && warning.startsWith(MORE_RESULTS_PREFIX)) && !warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
        // entity routes carry no warnings; tell the caller that ResultSize cut the result, as the module does
        if (!followingNextLink && moreExist && warnings.stream().noneMatch(w -> w.startsWith(MORE_RESULTS_PREFIX))) {
            warnings.add(MORE_RESULTS_WARNING);
        }
    }

    private ExoCmdletException reportedErrors(PageReader page, List<String> errors) {
        String[] first = ServiceError.parseDetailMessage(errors.get(0));
        String type = first[0] == null ? null : first[0].substring(first[0].lastIndexOf('.') + 1);
        return new ExoCmdletException(
                call.cmdlet() + " reported " + errors.size() + " error(s) with HTTP 200: " + String.join("; ", errors)
                        + " [client-request-id " + call.requestId + "]",
                page.statusCode(),
                null,
                call.requestId,
                type,
                first[1],
                null);
    }

    /** Tells the observer of the records handed out since the last report: page by page, and when the caller stops. */
    private void reportDelivered() {
        call.recordsDelivered(delivered - deliveredReported);
        deliveredReported = delivered;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            page.close();
            pages.close();
            reportDelivered();
        }
    }
}
