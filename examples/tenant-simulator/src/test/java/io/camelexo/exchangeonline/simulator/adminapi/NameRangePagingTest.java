package io.camelexo.exchangeonline.simulator.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A Name range of a million-mailbox tenant pages at the cost of its pages: every page reads the records it returns
 * plus one look-ahead, never a scan of the tenant, thanks to the Name index. Counted, not timed.
 */
class NameRangePagingTest {

    private static final int MAILBOXES = 1_000_000;
    private static final int PAGE = 1000;
    private final Tenant tenant = new Tenant("contoso.onmicrosoft.com", 42, MAILBOXES);

    @Test
    void everyPageOfOneLetterReadsAPageAndTheRangeHoldsEveryNameOfThatLetter() {
        long records = pageThrough("Name -ge 'M' -and Name -lt 'N'", name -> name.startsWith("M"));

        assertThat(records).isEqualTo(count(name -> name.startsWith("M"))).isGreaterThan(10L * PAGE);
    }

    /** A range inside one first letter, as parallelPaging's boundaries make them, costs its pages, not the letter's. */
    @Test
    void aRangeWithinOneLetterReadsOnlyItsOwnNames() {
        long records = pageThrough(
                "Name -ge 'MA' -and Name -lt 'MI'", name -> name.compareTo("MA") >= 0 && name.compareTo("MI") < 0);

        assertThat(records)
                .isEqualTo(count(name -> name.compareTo("MA") >= 0 && name.compareTo("MI") < 0))
                .isGreaterThan(2L * PAGE);
    }

    /** Pages through the filter's listing, checking each page's cost and names; returns the number of records. */
    private long pageThrough(String filterText, Predicate<String> upperCaseNameWanted) {
        RecordFilter filter = RecordFilter.parse(filterText);
        AtomicLong read = new AtomicLong();
        RecordSource source = Lookups.mailboxes(tenant, filter, index -> {
                    read.incrementAndGet();
                    return tenant.mailboxes().record(index, true);
                })
                .filter(filter);

        long position = 0;
        long records = 0;
        int pages = 0;
        while (position >= 0) {
            read.set(0);
            Paging.Page page = Paging.read(source, position, PAGE);
            assertThat(read.get()).as("records read for page %d", pages).isLessThanOrEqualTo(PAGE + 1);
            for (Map<String, Object> record : page.records()) {
                assertThat(upperCaseNameWanted.test(upperCase(record.get("Name").toString())))
                        .as("%s in %s", record.get("Name"), filterText)
                        .isTrue();
            }
            records += page.records().size();
            position = page.nextPosition();
            pages++;
        }
        assertThat(pages).isEqualTo((int) ((records + PAGE - 1) / PAGE));
        return records;
    }

    /** Mailboxes whose upper-cased Name passes, counted by a scan of the whole tenant. */
    private long count(Predicate<String> upperCaseNameWanted) {
        return IntStream.range(0, MAILBOXES)
                .filter(index -> upperCaseNameWanted.test(
                        upperCase(tenant.mailboxes().get(index).name())))
                .count();
    }

    private static String upperCase(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
