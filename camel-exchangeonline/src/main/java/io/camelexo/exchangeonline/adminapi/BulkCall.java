package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One cmdlet run once per item: items go in {@code $batch} envelopes of up to {@code batchSize} (single calls for the
 * cmdlets the service does not batch), sent by up to {@code maxConcurrentRequests} workers, each request through the
 * session's governor. Each item follows the single-call retry rules ({@link RetryPolicy}) on its own: an item the
 * service refused before running it (429, the concurrency rejection) goes again in a later envelope after the wait it
 * asked for; a read is sent again after a server error or an envelope that got no answer; a write whose answer leaves
 * open whether it ran is never sent again, and its failure says so. A read item whose answer has a nextLink is paged
 * to its end with single calls.
 */
final class BulkCall {

    /** Ends the workers once every item has its result. */
    private static final Pending DONE = new Pending(null, 0, Long.MIN_VALUE);

    private final AdminApiClient client;
    private final CallOptions options;
    private final RetryPolicy retryPolicy;
    private final ExecutorService executor;
    private final ClientStatistics statistics;
    private final boolean batched;
    private final List<Item> items = new ArrayList<>();
    private final BulkItemResult[] results;
    private final DelayQueue<Pending> queue = new DelayQueue<>();
    private final AtomicInteger unfinished;
    private final AtomicLong sequence = new AtomicLong();
    private final Object takeLock = new Object();
    private final int workers;

    BulkCall(
            AdminApiClient client,
            List<CmdletRequest> requests,
            CallOptions options,
            ExecutorService executor,
            int maxConcurrentRequests,
            ClientStatistics statistics) {
        this.client = client;
        // items are read whole here, on a worker: reading ahead would only take more threads
        this.options = options.withPrefetchPages(0);
        this.retryPolicy = options.retryPolicy();
        this.executor = executor;
        this.statistics = statistics;
        this.batched =
                !requests.isEmpty() && BatchEnvelope.accepts(requests.get(0).cmdlet());
        this.results = new BulkItemResult[requests.size()];
        this.unfinished = new AtomicInteger(requests.size());
        for (int index = 0; index < requests.size(); index++) {
            items.add(new Item(index, requests.get(index)));
        }
        int requestsAtOnce =
                batched ? (requests.size() + options.batchSize() - 1) / options.batchSize() : requests.size();
        this.workers = Math.min(maxConcurrentRequests, requestsAtOnce);
    }

    List<BulkItemResult> run() {
        for (Item item : items) {
            if (batched) {
                try {
                    // planned once, so that every attempt carries the same client-request-id
                    item.call = client.plan(item.request, options);
                } catch (IllegalArgumentException | ExoException e) {
                    finish(item, BulkItemResult.failed(BulkItemResult.Failure.of(notSent(item, e), false)));
                    continue;
                }
            }
            enqueue(item, System.nanoTime());
        }
        if (unfinished.get() == 0) {
            return List.of(results);
        }
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                running.add(executor.submit(this::work));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (InterruptedException e) {
            running.forEach(worker -> worker.cancel(true));
            Thread.currentThread().interrupt();
            throw new ExoException(
                    items.get(0).request.cmdlet() + " in bulk was interrupted; items already sent may have run", e);
        } catch (ExecutionException e) {
            running.forEach(worker -> worker.cancel(true));
            throw new ExoException(items.get(0).request.cmdlet() + " in bulk failed: " + e.getCause(), e.getCause());
        }
        return List.of(results);
    }

    private void work() {
        while (true) {
            List<Item> unit;
            try {
                unit = take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (unit.isEmpty()) {
                return;
            }
            try {
                if (batched) {
                    sendEnvelope(unit);
                } else {
                    finish(unit.get(0), single(unit.get(0)));
                }
            } catch (RuntimeException e) {
                // whatever went wrong, no item may stay without a result, or the caller would wait for ever
                for (Item item : unit) {
                    if (results[item.index] == null && !item.queued) {
                        finish(item, BulkItemResult.failed(unexpected(item, e)));
                    }
                }
            }
        }
    }

    /**
     * The next envelope's items (ready ones, oldest first, up to batchSize), or one item for a single call; empty once
     * every item has its result. One worker fills its envelope at a time, so an envelope holds consecutive items.
     */
    private List<Item> take() throws InterruptedException {
        synchronized (takeLock) {
            Pending first = queue.take();
            if (first == DONE) {
                queue.add(DONE);
                return List.of();
            }
            first.item.queued = false;
            List<Item> unit = new ArrayList<>(List.of(first.item));
            while (batched && unit.size() < options.batchSize()) {
                Pending next = queue.poll();
                if (next == null) {
                    break;
                }
                if (next == DONE) {
                    queue.add(DONE);
                    break;
                }
                next.item.queued = false;
                unit.add(next.item);
            }
            return unit;
        }
    }

    private void sendEnvelope(List<Item> unit) {
        List<BatchEnvelope.ItemAnswer> answers;
        try {
            answers = BatchEnvelope.send(
                    client, unit.stream().map(item -> item.call).toList(), options);
        } catch (ExoException failure) {
            boolean mayHaveRun = AdminApiClient.mayHaveRun(failure);
            unit.forEach(item -> envelopeFailed(item, failure, mayHaveRun));
            return;
        }
        for (int i = 0; i < unit.size(); i++) {
            Item item = unit.get(i);
            BatchEnvelope.ItemAnswer answer = answers.get(i);
            if (answer == null) {
                envelopeFailed(
                        item,
                        new ExoException(
                                "the service's answer to the $batch request left the item out", 200, null, null, null),
                        true);
            } else if (answer.status() >= 200 && answer.status() < 300) {
                ReceivedPage page =
                        new ReceivedPage(answer.body(), false, answer.status(), item.call.requestId, item.call, null);
                finish(item, read(item, () -> new CmdletResult(item.call, new AnsweredPageSource(page, item.call))));
            } else {
                itemRefused(item, answer);
            }
        }
    }

    /**
     * An item the service answered with an error inside the envelope: retried as a single call would be, else failed.
     * (An item's 401 is not retried: its envelope's token was accepted.)
     */
    private void itemRefused(Item item, BatchEnvelope.ItemAnswer answer) {
        ServiceError error = ServiceError.decode(
                answer.status(),
                answer.body(),
                answer.header("x-ExceptionType"),
                answer.header("Retry-After"),
                item.call.requestId);
        if (error.isThrottling()) {
            statistics.throttledResponse();
        }
        if (retryPolicy.shouldRetry(error, item.isRead(), item.retries)) {
            retryLater(item, retryPolicy.delay(error.retryAfter(), item.retries));
            return;
        }
        ExoException failure = error.toException(item.request.cmdlet(), !item.isRead());
        finish(
                item,
                BulkItemResult.failed(BulkItemResult.Failure.of(
                        failure, failure.getMessage(), item.call.requestId, !item.isRead() && error.outcomeUnknown())));
    }

    /**
     * The envelope got no usable answer. Refused before anything ran: every item fails with the envelope's failure
     * (the envelope was already re-sent as far as the retry budget allows). Otherwise its reads go again in a later
     * envelope, and its writes fail saying they may have run.
     */
    private void envelopeFailed(Item item, ExoException failure, boolean mayHaveRun) {
        if (mayHaveRun && retryPolicy.shouldRetryTransport(item.isRead(), false, item.retries)) {
            retryLater(item, retryPolicy.delay(null, item.retries));
            return;
        }
        String why = failure.getMessage().replace(AdminApiClient.WRITE_MAY_HAVE_RUN, "");
        boolean outcomeUnknown = mayHaveRun && !item.isRead();
        String message = item.request.cmdlet() + " went in a $batch request that failed: " + why
                + (outcomeUnknown ? AdminApiClient.WRITE_MAY_HAVE_RUN : "") + " [client-request-id "
                + item.call.requestId + "]";
        finish(
                item,
                BulkItemResult.failed(
                        BulkItemResult.Failure.of(failure, message, item.call.requestId, outcomeUnknown)));
    }

    /** A cmdlet the service does not batch: one call with the single-call retries, paged to its end. */
    private BulkItemResult single(Item item) {
        return read(item, () -> client.invoke(item.request, options));
    }

    private BulkItemResult read(Item item, ResultOpener opener) {
        List<Map<String, Object>> records = new ArrayList<>();
        CmdletResult result = null;
        try {
            result = opener.open();
            while (result.hasNext()) {
                records.add(result.next());
            }
            return new BulkItemResult(records, result.warnings(), null);
        } catch (IllegalArgumentException e) {
            return BulkItemResult.failed(BulkItemResult.Failure.of(notSent(item, e), false));
        } catch (ExoException e) {
            return new BulkItemResult(
                    records,
                    result != null ? result.warnings() : List.of(),
                    BulkItemResult.Failure.of(e, !item.isRead()));
        } finally {
            if (result != null) {
                result.close();
            }
        }
    }

    private void retryLater(Item item, Duration delay) {
        item.retries++;
        statistics.retried();
        enqueue(item, System.nanoTime() + delay.toNanos());
    }

    private void enqueue(Item item, long readyAtNanos) {
        item.queued = true;
        queue.add(new Pending(item, readyAtNanos, sequence.getAndIncrement()));
    }

    private void finish(Item item, BulkItemResult result) {
        results[item.index] = result;
        if (unfinished.decrementAndGet() == 0) {
            queue.add(DONE);
        }
    }

    /** A request that could not be built from the item's parameters, as a single call reports it. */
    private static ExoException notSent(Item item, RuntimeException e) {
        return e instanceof ExoException exo
                ? exo
                : new ExoException(
                        item.request.cmdlet() + " was not sent: " + e.getMessage(), 0, "InvalidParameter", null, e);
    }

    private BulkItemResult.Failure unexpected(Item item, RuntimeException e) {
        ExoException failure = new ExoException(
                item.request.cmdlet() + " in bulk failed: " + e
                        + (item.isRead() ? "" : AdminApiClient.WRITE_MAY_HAVE_RUN),
                e);
        return BulkItemResult.Failure.of(failure, !item.isRead());
    }

    @FunctionalInterface
    private interface ResultOpener {
        CmdletResult open();
    }

    /** One item and what has happened to it so far. */
    private static final class Item {
        final int index;
        final CmdletRequest request;
        AdminApiClient.Call call;
        int retries;
        /** Waiting for a worker: not to be failed by a worker that meets an unexpected error. */
        volatile boolean queued;

        Item(int index, CmdletRequest request) {
            this.index = index;
            this.request = request;
        }

        boolean isRead() {
            return request.isRead();
        }
    }

    /** An item waiting for its (next) envelope; ready when its wait is over, oldest first. */
    private record Pending(Item item, long readyAtNanos, long order) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return item == null ? 0 : unit.convert(readyAtNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Pending that = (Pending) other;
            int byReadiness = Long.compare(readyAtNanos, that.readyAtNanos);
            return byReadiness != 0 ? byReadiness : Long.compare(order, that.order);
        }
    }

    /** The first page came inside the envelope's answer; the pages after it are requested as single calls. */
    private static final class AnsweredPageSource implements PageSource {
        private final ReceivedPage first;
        private final SequentialPageSource rest;

        AnsweredPageSource(ReceivedPage first, AdminApiClient.Call call) {
            this.first = first;
            this.rest = new SequentialPageSource(call);
        }

        @Override
        public PageReader first() {
            return first.reader();
        }

        @Override
        public PageReader next(PageReader finished, long delivered) {
            return rest.next(finished, delivered);
        }

        @Override
        public void close() {
            rest.close();
        }
    }
}
