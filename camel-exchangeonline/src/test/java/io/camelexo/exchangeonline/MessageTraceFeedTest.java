package io.camelexo.exchangeonline;

import static io.camelexo.exchangeonline.support.SimulatedExchange.useSimulatedExchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import io.camelexo.exchangeonline.simulator.tenant.MessageTrace;
import io.camelexo.exchangeonline.support.Watermarks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * from("exo:Get-MessageTraceV2") as a time-window feed against the simulator: the keyset walk reads windows of more
 * than 5,000 rows completely (also one message's recipients across several queries), no query spans more than 10
 * days, and a start older than the 90 days kept is refused.
 */
class MessageTraceFeedTest extends CamelTestSupport {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    private static final Pattern DATES =
            Pattern.compile("\"StartDate\"\\s*:\\s*\"([^\"]+)\".*\"EndDate\"\\s*:\\s*\"([^\"]+)\"");

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(200));

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

    private void route(String feedUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(feedUri).to("mock:out");
            }
        });
    }

    private Instant watermarkAfter(String feedId, Instant after) throws InterruptedException {
        return Watermarks.awaitAfter(watermarks, feedId, after);
    }

    private static Instant wireTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException zoneless) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    @Test
    void everyRowOfWindowsLargerThanOneQueryArrivesOnceAndNoQuerySpansMoreThanTenDays() throws Exception {
        MessageTrace trace = SIM.simulator().messageTrace(TENANT);
        trace.generatePerHour(60);
        Instant now = Instant.now();
        // one message to 6,000 recipients: its rows share one Received time and need two queries
        Instant fanOut =
                now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).plusNanos(1_234_500);
        List<String> recipients = IntStream.range(0, 6_000)
                .mapToObj(i -> String.format("member%05d@contoso.com", i))
                .toList();
        trace.add(fanOut, "all-staff@contoso.com", recipients, "To everyone");
        Instant start = now.minus(Duration.ofDays(13)).truncatedTo(ChronoUnit.HOURS);
        MockEndpoint out = getMockEndpoint("mock:out");
        route("exo:Get-MessageTraceV2?startDate=" + start + "&windowSize=P30D&ingestionLag=PT15M"
                + "&stateRepository=#watermarks&feedId=trace&initialDelay=0&repeatCount=1&pageSize=1000");
        Instant watermark = watermarkAfter("trace", now.minus(Duration.ofMinutes(16)));

        Set<String> truth = new HashSet<>();
        trace.search(start, watermark, Instant.now())
                .forEach(row -> truth.add(row.messageTraceId() + "/" + row.recipientAddress()));
        List<String> received = out.getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getHeader(ExoConstants.RECORD_ID, String.class))
                .toList();
        assertThat(truth).hasSizeGreaterThan(20_000);
        assertThat(new HashSet<>(received)).isEqualTo(truth);
        assertThat(received).as("the two windows share a 100 ns tick at most").hasSizeLessThan(truth.size() + 10);

        List<JournalEntry> queries = SIM.simulator().journal().cmdletCalls("Get-MessageTraceV2");
        assertThat(queries).hasSizeGreaterThan(8);
        for (JournalEntry query : queries) {
            Matcher dates = DATES.matcher(query.body());
            assertThat(dates.find()).as(query.body()).isTrue();
            assertThat(Duration.between(wireTime(dates.group(1)), wireTime(dates.group(2))))
                    .isLessThanOrEqualTo(Duration.ofDays(10));
            assertThat(query.status())
                    .as("the simulator's quota never refused a query")
                    .isEqualTo(200);
        }
    }

    @Test
    void aStartBeforeTheNinetyDaysKeptIsRefused() {
        assertThatThrownBy(() -> route("exo:Get-MessageTraceV2?startDate=P100D&initialDelay=0"))
                .hasStackTraceContaining("startDate P100D is before the 90 days the service keeps");
        assertThatThrownBy(() -> route("exo:Get-MessageTraceV2?StartingRecipientAddress=a@b.c&initialDelay=0"))
                .hasStackTraceContaining("sets StartingRecipientAddress itself");
    }
}
