package io.camelexo.exchangeonline;

import static io.camelexo.exchangeonline.support.SimulatedExchange.useSimulatedExchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import io.camelexo.exchangeonline.simulator.tenant.AuditLog;
import io.camelexo.exchangeonline.support.Watermarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * from("exo:Search-UnifiedAuditLog") as a time-window feed against the simulator's audit log: every event once per
 * read, resumed from the saved watermark, a failed record's window read again, the session cap and broken sessions
 * handled. Events are placed relative to the real now, away from window boundaries.
 */
class AuditLogFeedTest extends CamelTestSupport {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    private static final Pattern SESSION_ID = Pattern.compile("\"SessionId\"\\s*:\\s*\"([^\"]+)\"");

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(50));

    @TempDir
    Path stateDirectory;

    private final MemoryStateRepository watermarks = new MemoryStateRepository();
    private AuditLog log;
    private Instant hour;

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

    @BeforeEach
    void emptyAuditLog() {
        log = SIM.simulator().auditLog(TENANT);
        log.generatePerHour(0);
        hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * An Exchange event at {@code minutes} past the hour {@code hoursAgo} hours before the current one. Each test
     * names its own operation and its feed filters on it, so events other tests add stay out of its way.
     */
    private AuditLog.Event event(String operation, int hoursAgo, int minutes) {
        return log.add(
                hour.minus(Duration.ofHours(hoursAgo))
                        .plus(Duration.ofMinutes(minutes))
                        .plusSeconds(17),
                Duration.ofMinutes(30),
                operation,
                "mailbox-" + hoursAgo + "-" + minutes);
    }

    private Instant watermarkAfter(String feedId, Instant after) throws InterruptedException {
        return Watermarks.awaitAfter(watermarks, feedId, after);
    }

    private void route(String feedUri) throws Exception {
        route("feed", feedUri);
    }

    private void route(String routeId, String feedUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(feedUri).routeId(routeId).to("mock:out");
            }
        });
    }

    /** The distinct SessionIds the feed sent: each is a search session started. */
    private static long sessionsStarted() {
        return SIM.simulator().journal().cmdletCalls("Search-UnifiedAuditLog").stream()
                .map(entry -> SESSION_ID.matcher(entry.body()))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .distinct()
                .count();
    }

    private static List<String> recordIds(MockEndpoint out) {
        return out.getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getHeader(ExoConstants.RECORD_ID, String.class))
                .toList();
    }

    @Test
    void everyEventOfTheRangeArrivesOnceWithItsIdAndWindowAndTheWatermarkIsSaved() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int hoursAgo = 6; hoursAgo >= 3; hoursAgo--) {
            expected.add(event("FeedRange", hoursAgo, 10).id());
            expected.add(event("FeedRange", hoursAgo, 40).id());
        }
        String tooRecent = event("FeedRange", 1, 20).id();
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(expected.size());
        route("exo:Search-UnifiedAuditLog?Operations=FeedRange&startDate=" + hour.minus(Duration.ofHours(7))
                + "&windowSize=PT1H&ingestionLag=PT2H&stateRepository=#watermarks&feedId=audit"
                + "&initialDelay=0&repeatCount=1");
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));

        assertThat(recordIds(out)).containsExactlyInAnyOrderElementsOf(expected).doesNotContain(tooRecent);
        for (Exchange exchange : out.getReceivedExchanges()) {
            Map<?, ?> record = exchange.getMessage().getBody(Map.class);
            Instant created = Instant.parse(record.get("CreationDate").toString());
            Instant start = exchange.getMessage().getHeader(ExoConstants.WINDOW_START, Instant.class);
            Instant end = exchange.getMessage().getHeader(ExoConstants.WINDOW_END, Instant.class);
            assertThat(created).isBetween(start, end);
            assertThat(Duration.between(start, end)).isLessThanOrEqualTo(Duration.ofHours(1));
            assertThat(exchange.getMessage().getHeader(ExoConstants.RECORD_ID)).isEqualTo(record.get("Identity"));
        }
        Instant watermark =
                watermarkAfter("audit", Instant.now().minus(Duration.ofHours(2)).minusSeconds(60));
        assertThat(Duration.between(watermark, Instant.now().minus(Duration.ofHours(2))))
                .as("the watermark is at now less the ingestion lag")
                .isBetween(Duration.ZERO, Duration.ofMinutes(1));
    }

    @Test
    void aRestartedFeedResumesFromTheWatermarkInItsFileWithoutGapOrRepeat() throws Exception {
        Set<String> expected = new HashSet<>();
        for (int hoursAgo = 6; hoursAgo >= 2; hoursAgo--) {
            expected.add(event("FeedRestart", hoursAgo, 25).id());
        }
        // whatever the minute now: the first run reads up to before -4h25, the second up to after -2h25
        String uri = "exo:Search-UnifiedAuditLog?Operations=FeedRestart&startDate=" + hour.minus(Duration.ofHours(7))
                + "&stateDirectory=" + stateDirectory + "&initialDelay=0&repeatCount=1&ingestionLag=";
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(2);
        route(uri + "PT4H30M");
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        List<String> firstRun = recordIds(out);
        // stopped, not removed: removing the route would remove mock:out with it
        context.getRouteController().stopRoute("feed");
        try (var files = Files.list(stateDirectory)) {
            assertThat(files.toList())
                    .singleElement()
                    .satisfies(file -> assertThat(Files.readString(file)).startsWith("Search-UnifiedAuditLog-"));
        }

        out.reset();
        out.expectedMessageCount(3);
        route("restarted", uri + "PT1H30M");
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        List<String> both = new ArrayList<>(firstRun);
        both.addAll(recordIds(out));
        assertThat(both).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aFailedRecordLeavesItsWindowToBeReadAgainAndTheWatermarkBehindIt() throws Exception {
        String poison = event("FeedRetry", 4, 30).id();
        String before = event("FeedRetry", 5, 30).id();
        String after = event("FeedRetry", 3, 30).id();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        MockEndpoint out = getMockEndpoint("mock:out");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("exo:Search-UnifiedAuditLog?Operations=FeedRetry&startDate=" + hour.minus(Duration.ofHours(6))
                                + "&ingestionLag=PT2H&stateRepository=#watermarks&feedId=retry"
                                + "&initialDelay=0&delay=50&repeatCount=2")
                        .process(exchange -> {
                            if (poison.equals(exchange.getMessage().getHeader(ExoConstants.RECORD_ID))
                                    && failOnce.getAndSet(false)) {
                                throw new IllegalStateException("the warehouse is down");
                            }
                        })
                        .to("mock:out");
            }
        });
        out.expectedMessageCount(3);
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));

        assertThat(recordIds(out)).containsExactly(before, poison, after);
        assertThat(failOnce).isFalse();
        assertThat(watermarkAfter("retry", hour.minus(Duration.ofHours(3))))
                .as("the second poll read the failed window again and went on")
                .isAfter(hour.minus(Duration.ofHours(3)));
    }

    @Test
    void aLateEventIsReadWhenTheOverlapReachesBackToIt() throws Exception {
        event("FeedLate", 4, 30);
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        route("exo:Search-UnifiedAuditLog?Operations=FeedLate&startDate=" + hour.minus(Duration.ofHours(5))
                + "&ingestionLag=PT2H&overlap=PT90M&stateRepository=#watermarks&feedId=late"
                + "&initialDelay=0&delay=5000&repeatCount=2");
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        Instant watermark =
                watermarkAfter("late", Instant.now().minus(Duration.ofHours(2)).minusSeconds(60));
        // made searchable after the first poll passed them; the second poll reaches back 90 minutes
        String late = log.add(watermark.minus(Duration.ofMinutes(60)), Duration.ZERO, "FeedLate", "late")
                .id();
        String tooLate = log.add(watermark.minus(Duration.ofMinutes(120)), Duration.ZERO, "FeedLate", "lost")
                .id();
        out.reset();
        out.expectedMinimumMessageCount(1);
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        assertThat(recordIds(out)).contains(late).doesNotContain(tooLate);
    }

    @Test
    void aWindowAboveTheSessionCapIsHalvedAndABrokenSessionStartedAgainWithNothingLostOrDoubled() throws Exception {
        // 26,000 events an hour: the two-hour window finds more than the 50,000 one session returns
        log.generatePerHour(26_000);
        // the fourth session call (the first half's third) comes back empty mid-session
        log.breakSessionCall(AuditLog.SessionFault.EMPTY_PAGE, 3);
        Instant start = hour.minus(Duration.ofHours(30));
        Instant until = start.plus(Duration.ofHours(2));
        long lagSeconds = Duration.between(until, Instant.now()).getSeconds();
        MockEndpoint out = getMockEndpoint("mock:out");
        route("exo:Search-UnifiedAuditLog?startDate=" + start + "&windowSize=PT2H&ingestionLag=PT" + lagSeconds
                + "S&stateRepository=#watermarks&feedId=dense&initialDelay=0&repeatCount=1&pageSize=1000"
                + "&select=CreationDate");
        Instant watermark = watermarkAfter("dense", until.minusSeconds(1));

        List<String> received = recordIds(out);
        Set<String> truth = new HashSet<>();
        log.search(start, watermark, Instant.now()).forEach(event -> truth.add(event.id()));
        assertThat(truth).hasSizeGreaterThan(50_000);
        assertThat(new HashSet<>(received)).isEqualTo(truth);
        // an id twice only for an event in the second both windows share
        Set<String> seen = new HashSet<>();
        Set<String> boundary = new HashSet<>();
        log.search(until, until, Instant.now()).forEach(event -> boundary.add(event.id()));
        received.stream()
                .filter(id -> !seen.add(id))
                .forEach(id -> assertThat(boundary).contains(id));
        long sessions = sessionsStarted();
        assertThat(sessions)
                .as("the whole window, its first half twice (broken once), its second half, the rest")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void repeatedRowsAndASessionForgottenMidWindowNeitherLoseNorDoubleARecord() throws Exception {
        log.generatePerHour(3_000);
        log.repeatRowsEvery(7);
        // the route stops for longer than a session lives once, mid-window: the call after it finds a new search
        log.expireSessionsAfter(Duration.ofSeconds(3));
        Instant start = hour.minus(Duration.ofHours(44));
        Instant until = start.plus(Duration.ofHours(2));
        long lagSeconds = Duration.between(until, Instant.now()).getSeconds();
        try {
            AtomicInteger records = new AtomicInteger();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("exo:Search-UnifiedAuditLog?startDate=" + start + "&windowSize=PT2H&ingestionLag=PT"
                                    + lagSeconds + "S&stateRepository=#watermarks&feedId=forgotten&initialDelay=0"
                                    + "&repeatCount=1&pageSize=1000")
                            .process(exchange -> {
                                if (records.incrementAndGet() == 2_500) {
                                    Thread.sleep(4_000);
                                }
                            })
                            .to("mock:out");
                }
            });
            watermarkAfter("forgotten", until.minusSeconds(1));
        } finally {
            log.repeatRowsEvery(0);
            log.expireSessionsAfter(AuditLog.DEFAULT_SESSION_IDLE_LIMIT);
        }
        List<String> received = recordIds(getMockEndpoint("mock:out"));
        Set<String> truth = new HashSet<>();
        log.search(start, until, Instant.now()).forEach(event -> truth.add(event.id()));
        // two hours of 3,000 events, and those of the next hour that fall on the closing second, which EndDate includes
        // (whether there is one depends on the hour the test runs in)
        assertThat(truth)
                .hasSize(6_000 + log.search(until, until, Instant.now()).size());
        assertThat(received).as("no record twice, repeated rows included").hasSize(truth.size());
        assertThat(new HashSet<>(received)).isEqualTo(truth);
        long sessions = sessionsStarted();
        assertThat(sessions).as("the forgotten session was started again").isGreaterThanOrEqualTo(2);
    }

    @Test
    void feedOptionsAreCheckedBeforeTheRouteStarts() {
        assertThatThrownBy(() -> route("exo:Search-UnifiedAuditLog?windowSize=1h&initialDelay=0"))
                .hasStackTraceContaining("windowSize must be an ISO-8601 duration such as PT1H");
        assertThatThrownBy(() -> route("exo:Search-UnifiedAuditLog?StartDate=2026-01-01&initialDelay=0"))
                .hasStackTraceContaining("sets StartDate itself");
        assertThatThrownBy(() -> route("exo:Get-Mailbox?startDate=P7D&initialDelay=0"))
                .hasStackTraceContaining("apply to time-window feeds only");
        assertThatThrownBy(() -> route("exo:Search-UnifiedAuditLog?startDate=last+week&initialDelay=0"))
                .hasStackTraceContaining("startDate must be an ISO-8601 instant");
        assertThatThrownBy(() -> route("exo:Search-UnifiedAuditLog?startDate=2999-01-01T00:00:00Z&initialDelay=0"))
                .hasStackTraceContaining("startDate must not be in the future");
        assertThatThrownBy(() -> route("exo:Search-UnifiedAuditLog?windowSize=PT0S&initialDelay=0"))
                .hasStackTraceContaining("windowSize must be at least one second");
        assertThatThrownBy(() -> route("exo:Search-UnifiedAuditLog?stateRepository=#nowhere&initialDelay=0"))
                .hasStackTraceContaining("stateRepository");
    }
}
