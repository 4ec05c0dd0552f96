package io.camelexo.exchangeonline.simulator.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
        RecordFilter filter = RecordFilter.parse("Name -ge 'M' -and Name -lt 'N'");
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
                assertThat(record.get("Name").toString().toUpperCase(Locale.ROOT))
                        .startsWith("M");
            }
            records += page.records().size();
            position = page.nextPosition();
            pages++;
        }

        long expected = IntStream.range(0, MAILBOXES)
                .filter(index -> Character.toUpperCase(
                                tenant.mailboxes().get(index).name().charAt(0))
                        == 'M')
                .count();
        assertThat(records).isEqualTo(expected).isGreaterThan(10L * PAGE);
        assertThat(pages).isEqualTo((int) ((expected + PAGE - 1) / PAGE));
    }
}
