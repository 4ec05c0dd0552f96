package io.camelexo.exchangeonline.adminapi;

import java.time.Duration;

/**
 * Per-endpoint transport choices for one call, so endpoints that share a session may still differ in them. The
 * constructor checks each range, so a bad value fails when the endpoint is created, before any request.
 *
 * @param retryPolicy    what is retried and how long to wait
 * @param requestTimeout how long one HTTP attempt may take (the module allows 960 s)
 * @param sendAnchor     false for {@code bypassMailboxAnchoring}: no X-AnchorMailbox header
 * @param prefetchPages  pages of a streamed listing requested ahead of the reader, 0..{@value #MAX_PREFETCH_PAGES}
 * @param parallelPaging Name ranges of an unlimited listing read at once, 1..{@value #MAX_PARALLEL_PAGING}
 * @param batchSize      items per {@code $batch} request of a bulk call, 1..{@value #MAX_BATCH_SIZE}
 * @param serviceEndsResultSize true where the service itself ends a call at its ResultSize (a Search-UnifiedAuditLog
 *     session block, a Get-MessageTraceV2 query): every nextLink is followed, and pages are not counted on the way,
 *     which would take a second pass over every page read ahead
 */
public record CallOptions(
        RetryPolicy retryPolicy,
        Duration requestTimeout,
        boolean sendAnchor,
        int prefetchPages,
        int parallelPaging,
        int batchSize,
        boolean serviceEndsResultSize) {

    public static final int MAX_PREFETCH_PAGES = 4;
    public static final int MAX_PARALLEL_PAGING = 64;
    /** The service takes at most ten requests per {@code $batch} (docs/admin-api.md, "$batch"). */
    public static final int MAX_BATCH_SIZE = 10;

    public CallOptions {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "requestTimeout must be more than 0, got " + requestTimeout.toMillis() + " ms");
        }
        checkRange("prefetchPages", prefetchPages, 0, MAX_PREFETCH_PAGES);
        checkRange("parallelPaging", parallelPaging, 1, MAX_PARALLEL_PAGING);
        checkRange("batchSize", batchSize, 1, MAX_BATCH_SIZE);
    }

    /** Options with one page at a time ahead, sequential paging and full batches. */
    public CallOptions(RetryPolicy retryPolicy, Duration requestTimeout, boolean sendAnchor) {
        this(retryPolicy, requestTimeout, sendAnchor, 1, 1, MAX_BATCH_SIZE, false);
    }

    public CallOptions withPrefetchPages(int pages) {
        return new CallOptions(
                retryPolicy, requestTimeout, sendAnchor, pages, parallelPaging, batchSize, serviceEndsResultSize);
    }

    public CallOptions withServiceEndingResultSize() {
        return new CallOptions(retryPolicy, requestTimeout, sendAnchor, prefetchPages, parallelPaging, batchSize, true);
    }

    private static void checkRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
