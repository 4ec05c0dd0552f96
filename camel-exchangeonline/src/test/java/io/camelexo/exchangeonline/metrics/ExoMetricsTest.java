package io.camelexo.exchangeonline.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sun.net.httpserver.HttpServer;
import io.camelexo.exchangeonline.ExoComponent;
import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

/**
 * The metrics a user scrapes, with a MeterRegistry in the Camel registry and a WireMock Exchange Online: every HTTP
 * request timed once with its outcome, records counted, the session's in-flight gauge and sign-in counter.
 */
class ExoMetricsTest extends WireMockExchangeTest {

    private static final String GET_MAILBOX = "exo:Get-Mailbox?maxRetries=1&retryInitialDelay=1";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("meters", meters);
        // a new token each time it is asked, so every sign-in is a distinct token
        registry.bind("tokenProvider", (ExoAccessTokenProvider) (scope, forceRefresh) -> new AccessToken(
                AdminApiWire.jwt(Map.of("tid", "tid-contoso", "n", tokensIssued.incrementAndGet())),
                Instant.now().plusSeconds(3600)));
    }

    @Test
    void aThrottledRequestAndItsRepeatAreTimedOnceEachWithTheirOutcomes() {
        useWireMockExchange(EXO.baseUrl(), 1);
        answerOnceThenSucceed(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "0.01")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Request throttled.\"}}"));

        List<?> records = template.requestBody(GET_MAILBOX, null, List.class);

        assertThat(records).hasSize(2);
        assertThat(requestCounts()).containsOnly(entry("Get-Mailbox throttled", 1L), entry("Get-Mailbox success", 1L));
        assertThat(meters.find("exo.requests").timers())
                .allSatisfy(timer -> assertThat(timer.getId().getTags())
                        .extracting(tag -> tag.getKey() + "=" + tag.getValue())
                        .contains("service=exo", "tenant=" + TENANT));
        assertThat(recordCount("Get-Mailbox")).isEqualTo(2);
    }

    @Test
    void aServerErrorIsCountedRetriedAndThenAsTheErrorThatFailedTheCall() {
        useWireMockExchange(EXO.baseUrl(), 1);
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AdminApiWire.error(
                                "InternalServerError",
                                null,
                                "Microsoft.Exchange.Data.Directory.ADTransientException"))));

        Exchange failed = template.request(GET_MAILBOX, e -> {});

        assertThat(failed.getException()).isInstanceOf(ExoCmdletException.class);
        // maxRetries=1: the first answer is sent again, the second fails the call
        assertThat(requestCounts()).containsOnly(entry("Get-Mailbox retried", 1L), entry("Get-Mailbox error", 1L));
        assertThat(recordCount("Get-Mailbox")).isZero();
    }

    @Test
    void aThreePageListingTimesEachPageAndCountsEveryRecord() {
        useWireMockExchange(EXO.baseUrl(), 1);
        AdminApiWire.stubInvokePages(EXO, INVOKE, 3, 4);

        List<?> records = template.requestBody(GET_MAILBOX + "&ResultSize=Unlimited", null, List.class);

        assertThat(records).hasSize(12);
        assertThat(requestCounts()).containsOnly(entry("Get-Mailbox success", 3L));
        assertThat(recordCount("Get-Mailbox")).isEqualTo(12);
    }

    @Test
    void aStreamTheRouteStopsReadingCountsTheRecordsItTook() throws Exception {
        useWireMockExchange(EXO.baseUrl(), 1);
        AdminApiWire.stubInvokePages(EXO, INVOKE, 3, 4);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:first-five")
                        .to(GET_MAILBOX + "&ResultSize=Unlimited&outputType=Stream&prefetchPages=0")
                        .process(exchange -> {
                            Iterator<?> stream = exchange.getMessage().getBody(Iterator.class);
                            for (int i = 0; i < 5; i++) {
                                stream.next();
                            }
                        });
            }
        });

        template.sendBody("direct:first-five", null);

        // the whole first page and one record of the second; the third page was never asked for
        assertThat(recordCount("Get-Mailbox")).isEqualTo(5);
        assertThat(requestCounts()).containsOnly(entry("Get-Mailbox success", 2L));
    }

    @Test
    void theInFlightGaugeReadsTheSessionsGovernorAndLeavesWithTheSession() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer held = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        held.createContext("/", http -> {
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = page(mailboxes(0, 1), null, List.of()).getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().add("Content-Type", "application/json");
            http.sendResponseHeaders(200, body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        });
        held.start();
        try {
            useWireMockExchange("http://127.0.0.1:" + held.getAddress().getPort(), 1);
            CompletableFuture<List<?>> call =
                    CompletableFuture.supplyAsync(() -> template.requestBody(GET_MAILBOX, null, List.class));
            assertThat(arrived.await(60, TimeUnit.SECONDS)).isTrue();

            Map<?, ?> info = template.requestBody("exo:Get-ConnectionInformation?outputType=Single", null, Map.class);
            Meter.Id gaugeId = meters.get("exo.inflight").gauge().getId();
            assertThat(gaugeId.getTag("service")).isEqualTo("exo");
            assertThat(gaugeId.getTag("tenant")).isEqualTo(TENANT);
            assertThat(gaugeId.getTag("session")).isEqualTo(info.get("Name"));
            assertThat(info.get("InFlightRequests")).isEqualTo(1);
            assertThat(meters.get("exo.inflight").gauge().value()).isEqualTo(1.0);

            release.countDown();
            assertThat(call.get(60, TimeUnit.SECONDS)).hasSize(1);
            assertThat(meters.get("exo.inflight").gauge().value()).isZero();
        } finally {
            release.countDown();
            held.stop(0);
        }

        context.stop();

        assertThat(meters.find("exo.inflight").gauge()).isNull();
        assertThat(meters.find("exo.tokens").counter()).isNull();
        assertThat(meters.find("exo.requests").timer()).isNotNull();
    }

    @Test
    void eachSignInCountsOnceIncludingTheNewTokenAfterA401() {
        useWireMockExchange(EXO.baseUrl(), 1).setAccessToken(null);
        context.getComponent("exo", ExoComponent.class)
                .getConfiguration()
                .setAccessTokenProvider(
                        context.getRegistry().lookupByNameAndType("tokenProvider", ExoAccessTokenProvider.class));
        answerOnceThenSucceed(aResponse().withStatus(401));

        template.requestBody(GET_MAILBOX, null, List.class);
        template.requestBody(GET_MAILBOX, null, List.class);

        // the sign-in when the endpoint started, the new token after the 401; the second call reuses it
        assertThat(tokensIssued).hasValue(2);
        assertThat(meters.get("exo.tokens").counter().count()).isEqualTo(2.0);
        assertThat(requestCounts()).containsOnly(entry("Get-Mailbox retried", 1L), entry("Get-Mailbox success", 2L));

        template.sendBody("exo:Disconnect-ExchangeOnline", (Object) null);
        template.requestBody(GET_MAILBOX, null, List.class);

        assertThat(meters.get("exo.tokens").counter().count()).isEqualTo(3.0);
    }

    /** The InvokeCommand path answers once as given, then with a page of two mailboxes. */
    private static void answerOnceThenSucceed(ResponseDefinitionBuilder first) {
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first)
                .willSetStateTo("answered"));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("once")
                .whenScenarioStateIs("answered")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(mailboxes(0, 2), null, List.of()))));
    }

    /** exo.requests counts by "cmdlet outcome". */
    private Map<String, Long> requestCounts() {
        return meters.find("exo.requests").timers().stream()
                .collect(Collectors.toMap(
                        timer -> timer.getId().getTag("cmdlet") + " "
                                + timer.getId().getTag("outcome"),
                        Timer::count));
    }

    private double recordCount(String cmdlet) {
        Counter records = meters.find("exo.records")
                .tags("service", "exo", "tenant", TENANT, "cmdlet", cmdlet)
                .counter();
        return records == null ? 0 : records.count();
    }
}
