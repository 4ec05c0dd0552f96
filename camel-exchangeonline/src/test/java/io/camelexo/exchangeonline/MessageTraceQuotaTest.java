package io.camelexo.exchangeonline;

import static io.camelexo.exchangeonline.support.SimulatedExchange.useSimulatedExchange;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.feed.RequestQuota;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.ManualClock;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import io.camelexo.exchangeonline.support.Watermarks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message-trace feed that needs more than the 100 queries a tenant gets in 5 minutes: it waits for the quota instead
 * of being refused. The simulator counts queries on a manual clock, and the component's quota waits by moving that
 * clock, so five minutes pass in no time.
 */
class MessageTraceQuotaTest extends CamelTestSupport {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    private static final ManualClock CLOCK = new ManualClock(Instant.now());

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(20).clock(CLOCK));

    private final MemoryStateRepository watermarks = new MemoryStateRepository();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useSimulatedExchange(getContext(), SIM.simulator(), TENANT);
                getContext().getRegistry().bind("watermarks", watermarks);
            }
        };
    }

    @Test
    void aFeedNeedingMoreQueriesThanTheQuotaWaitsForItAndIsNeverRefused() throws Exception {
        context.getComponent("exo", ExoComponent.class)
                .useMessageTraceQuotas(organization -> new RequestQuota(
                        100, Duration.ofMinutes(5), CLOCK::nanoTime, nanos -> CLOCK.advance(Duration.ofNanos(nanos))));
        long clockBefore = CLOCK.nanoTime();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(140));
        // windows of one minute over two hours: about 130 queries
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("exo:Get-MessageTraceV2?startDate=" + start + "&windowSize=PT1M&ingestionLag=PT10M"
                                + "&stateRepository=#watermarks&feedId=quota&initialDelay=0&repeatCount=1")
                        .to("mock:out");
            }
        });
        Watermarks.awaitAfter(watermarks, "quota", Instant.now().minus(Duration.ofMinutes(11)));

        List<JournalEntry> queries = SIM.simulator().journal().cmdletCalls("Get-MessageTraceV2");
        assertThat(queries).hasSizeGreaterThan(120);
        assertThat(queries)
                .extracting(JournalEntry::status)
                .as("no query refused")
                .containsOnly(200);
        assertThat(Duration.ofNanos(CLOCK.nanoTime() - clockBefore))
                .as("the 101st query waited for the first to leave the 5-minute window")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }
}
