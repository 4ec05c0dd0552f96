package io.camelexo.exchangeonline.adminapi;

import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camelexo.exchangeonline.error.ExoException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of a split listing read at once: their pages merged as they arrive, one page ahead per part, and every part
 * cancelled by an early stop or by one part's failure. The parts are stand-ins that count and hold requests (the HTTP
 * side is covered against WireMock and the simulator); nothing here waits for time to pass.
 */
class PartitionedPageSourceTest {

    private static final int PAGES_PER_PART = 3;
    private static final int RECORDS_PER_PAGE = 2;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<PartitionedPageSource> sources = new ArrayList<>();

    @AfterEach
    void stop() {
        sources.forEach(PartitionedPageSource::close);
        executor.shutdownNow();
    }

    /** Page {@code page} (0-based) of part {@code part}: its own records, and a link to the next page but after the last. */
    private static ReceivedPage pageOf(int part, int page) {
        int first = (part * PAGES_PER_PART + page) * RECORDS_PER_PAGE;
        String next =
                page + 1 < PAGES_PER_PART ? "https://outlook.office365.com/part/" + part + "/" + (page + 1) : null;
        byte[] body = page(mailboxes(first, RECORDS_PER_PAGE), next, List.of()).getBytes(StandardCharsets.UTF_8);
        return new ReceivedPage(body, false, 200, "request-" + part, null, next == null ? null : URI.create(next));
    }

    private static int pageNumber(URI link) {
        return link == null
                ? 0
                : Integer.parseInt(link.getPath().substring(link.getPath().lastIndexOf('/') + 1));
    }

    /** A source that reads every part at once. */
    private PartitionedPageSource source(List<PartitionedPageSource.PartPages> parts) {
        return source(parts, parts.size());
    }

    private PartitionedPageSource source(List<PartitionedPageSource.PartPages> parts, int running) {
        PartitionedPageSource source = new PartitionedPageSource(parts, running, executor, "Get-Mailbox");
        sources.add(source);
        return source;
    }

    private static List<String> names(PageReader reader) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> record = reader.nextRecord(); record != null; record = reader.nextRecord()) {
            names.add((String) record.get("Name"));
        }
        return names;
    }

    @Test
    void thePartsAreRequestedAtOnceAndEveryPageIsHandedOutOnceWithAtMostOnePageAheadPerPart() {
        int partCount = 4;
        // the first pages are answered only once all four are asked for at the same time
        CyclicBarrier allAsked = new CyclicBarrier(partCount);
        AtomicIntegerArray requested = new AtomicIntegerArray(partCount);
        PartitionedPageSource source = source(countingParts(requested, () -> {
            try {
                allAsked.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the parts were not requested at once", e);
            }
        }));

        readEveryPageOnce(source, requested, taken -> {
            // while the reader holds this page, no part has more than one page requested beyond those it was handed
            for (int p = 0; p < partCount; p++) {
                assertThat(requested.get(p)).as("pages requested of part %d", p).isLessThanOrEqualTo(taken[p] + 1);
            }
        });
    }

    /** Parts that answer every request at once and count them; {@code beforeFirstPage} runs in each part's first. */
    private static List<PartitionedPageSource.PartPages> countingParts(
            AtomicIntegerArray requested, Runnable beforeFirstPage) {
        List<PartitionedPageSource.PartPages> parts = new ArrayList<>();
        for (int part = 0; part < requested.length(); part++) {
            int index = part;
            parts.add(link -> {
                requested.incrementAndGet(index);
                if (link == null) {
                    beforeFirstPage.run();
                }
                return pageOf(index, pageNumber(link));
            });
        }
        return parts;
    }

    /**
     * Reads the source to the end, running the check while the reader holds each page (given the pages handed out per
     * part so far), and asserts that every record of every part came once and every page was requested once.
     */
    private static void readEveryPageOnce(
            PartitionedPageSource source, AtomicIntegerArray requested, Consumer<int[]> whileHoldingAPage) {
        int partCount = requested.length();
        int[] taken = new int[partCount];
        List<String> names = new ArrayList<>();
        for (PageReader reader = source.first(); reader != null; reader = source.next(reader, names.size())) {
            int part = Integer.parseInt(reader.page().requestId().substring("request-".length()));
            taken[part]++;
            whileHoldingAPage.accept(taken);
            names.addAll(names(reader));
            reader.close();
        }

        List<String> expected = mailboxes(0, partCount * PAGES_PER_PART * RECORDS_PER_PAGE).stream()
                .map(record -> record.get("Name").asText())
                .toList();
        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        for (int p = 0; p < partCount; p++) {
            assertThat(requested.get(p)).isEqualTo(PAGES_PER_PART);
        }
    }

    @Test
    void moreRangesThanReadersRunAFewAtATimeAndTheNextStartsWhenOneEnds() {
        int partCount = 7;
        int running = 2;
        AtomicIntegerArray requested = new AtomicIntegerArray(partCount);
        PartitionedPageSource source = source(countingParts(requested, () -> {}), running);

        readEveryPageOnce(source, requested, taken -> {
            // parts started but whose last page the reader has not taken: never more than the readers
            int started = 0;
            int ended = 0;
            for (int p = 0; p < partCount; p++) {
                started += requested.get(p) > 0 ? 1 : 0;
                ended += taken[p] == PAGES_PER_PART ? 1 : 0;
            }
            assertThat(started - ended).as("parts in progress").isLessThanOrEqualTo(running);
        });
    }

    /** Parts whose first page comes at once and whose later pages are held until the request is cancelled. */
    private List<PartitionedPageSource.PartPages> heldParts(
            int partCount, CountDownLatch held, CountDownLatch cancelled, AtomicInteger requests) {
        List<PartitionedPageSource.PartPages> parts = new ArrayList<>();
        for (int part = 0; part < partCount; part++) {
            int index = part;
            parts.add(link -> {
                requests.incrementAndGet();
                if (link == null) {
                    return pageOf(index, 0);
                }
                held.countDown();
                try {
                    new CountDownLatch(1).await();
                    throw new IllegalStateException("unreachable: the latch is never opened");
                } catch (InterruptedException e) {
                    cancelled.countDown();
                    throw new ExoException("Get-Mailbox was interrupted", 0, null, null, e);
                }
            });
        }
        return parts;
    }

    @Test
    void closingTheSourceCancelsEveryPartAndNoRequestFollows() throws InterruptedException {
        int partCount = 3;
        CountDownLatch held = new CountDownLatch(partCount);
        CountDownLatch cancelled = new CountDownLatch(partCount);
        AtomicInteger requests = new AtomicInteger();
        PartitionedPageSource source = source(heldParts(partCount, held, cancelled, requests));

        // taking each part's first page asks for its second, which the service holds
        PageReader reader = source.first();
        for (int taken = 1; taken < partCount; taken++) {
            reader = source.next(reader, 0);
        }
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        source.close();
        int requestsAtClose = requests.get();

        assertThat(cancelled.await(30, TimeUnit.SECONDS))
                .as("every held request was cancelled")
                .isTrue();
        assertThat(source.next(reader, 0)).isNull();
        assertThat(requests.get()).isEqualTo(requestsAtClose).isEqualTo(2 * partCount);
    }

    @Test
    void onePartFailingFailsTheResultAndCancelsTheOthers() throws InterruptedException {
        int partCount = 4;
        int failing = 2;
        CountDownLatch othersHeld = new CountDownLatch(partCount - 1);
        CountDownLatch cancelled = new CountDownLatch(partCount - 1);
        AtomicInteger requests = new AtomicInteger();
        List<PartitionedPageSource.PartPages> parts = heldParts(partCount, othersHeld, cancelled, requests);
        ExoException refused = new ExoException("Get-Mailbox failed: HTTP 400", 400, null, "request-2", null);
        parts.set(failing, link -> {
            if (link == null) {
                return pageOf(failing, 0);
            }
            try {
                // fail once the other parts have their second pages on the way
                othersHeld.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw refused;
        });
        PartitionedPageSource source = source(parts);

        List<String> handedOut = new ArrayList<>();
        Throwable failure = catchThrowable(() -> {
            for (PageReader reader = source.first(); reader != null; reader = source.next(reader, 0)) {
                handedOut.addAll(names(reader));
            }
        });

        assertThat(failure).isSameAs(refused);
        assertThat(handedOut).hasSize(partCount * RECORDS_PER_PAGE);
        assertThat(cancelled.await(30, TimeUnit.SECONDS))
                .as("the other parts' requests were cancelled")
                .isTrue();
    }
}
