package io.camelexo.exchangeonline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rolling quota against a clock that only moves when the quota waits. */
class RequestQuotaTest {

    private static final long FIVE_MINUTES = Duration.ofMinutes(5).toNanos();

    @Test
    void noFiveMinutesEverHoldMoreThanOneHundredRequestsAndNoneWaitsLongerThanNeeded() {
        AtomicLong clock = new AtomicLong();
        RequestQuota quota = new RequestQuota(100, Duration.ofMinutes(5), clock::get, clock::addAndGet);
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            quota.acquire();
            sentAt.add(clock.get());
            clock.addAndGet(Duration.ofSeconds(1).toNanos()); // each request takes a second
        }
        for (int i = 100; i < sentAt.size(); i++) {
            assertThat(sentAt.get(i) - sentAt.get(i - 100))
                    .as("request %d and the one 100 before it", i)
                    .isGreaterThanOrEqualTo(FIVE_MINUTES);
        }
        // the 101st waits until the first left the window, exactly
        assertThat(sentAt.get(100)).isEqualTo(FIVE_MINUTES);
        assertThat(sentAt.get(99)).isEqualTo(Duration.ofSeconds(99).toNanos());
    }
}
