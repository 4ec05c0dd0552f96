package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throttling, the concurrency cap and injected faults: off by default, set per run, repeatable by seed. Time is a
 * {@link ManualClock} the tests advance: no outcome depends on how fast the machine runs the requests.
 */
class FaultsTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    /** Only keeps a broken test from hanging. */
    private static final Duration STUCK = Duration.ofMinutes(1);

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(
            TenantSimulator.builder().mailboxes(50).seed(7).clock(CLOCK));

    private final AdminApiHttp http = new AdminApiHttp();
    private TenantSimulator sim;
    private String token;

    @BeforeEach
    void signIn() {
        sim = SIM.simulator();
        token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
    }

    private AdminApiHttp.Answer call() {
        return http.invoke(sim.exchangeUrl(), TENANT, token, "Get-AcceptedDomain", Map.of());
    }

    @Test
    void everythingIsOffByDefault() {
        for (int i = 0; i < 50; i++) {
            AdminApiHttp.Answer answer = call();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Rate-Limit-Limit")).isNull();
        }
    }

    @Test
    void anEmptyTokenBucketAnswers429WithADecimalRetryAfter() throws Exception {
        sim.faults().throttle(3, 2.0);
        for (int i = 0; i < 3; i++) {
            AdminApiHttp.Answer answer = call();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Rate-Limit-Limit")).isEqualTo("3");
            assertThat(answer.header("Rate-Limit-Remaining")).isEqualTo(Integer.toString(2 - i));
        }
        AdminApiHttp.Answer throttled = call();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After"))
                .as("one token at 2 per second")
                .isEqualTo("0.5");
        assertThat(throttled.header("Rate-Limit-Remaining")).isEqualTo("0");
        assertThat(Instant.parse(throttled.header("Rate-Limit-Reset")))
                .as("full again after 3 tokens at 2 per second")
                .isEqualTo(CLOCK.now().plusMillis(1500));
        assertThat(throttled.json().path("error").path("code").asText()).isEqualTo("TooManyRequests");
        assertThat(sim.journal().entries(entry -> "throttled".equals(entry.fault())))
                .hasSize(1);

        String otherApp = "22222222-3333-4444-5555-666666666666";
        sim.registerApp(TENANT, otherApp, "other-secret");
        String otherToken = AdminApiHttp.appToken(sim, TENANT, otherApp, "other-secret");
        assertThat(http.invoke(sim.exchangeUrl(), TENANT, otherToken, "Get-AcceptedDomain", Map.of())
                        .status())
                .as("buckets are per app")
                .isEqualTo(200);

        CLOCK.advance(Duration.ofMillis(250));
        AdminApiHttp.Answer halfRefilled = call();
        assertThat(halfRefilled.status()).isEqualTo(429);
        assertThat(halfRefilled.header("Retry-After")).isEqualTo("0.25");
        CLOCK.advance(Duration.ofMillis(250));
        assertThat(call().status()).isEqualTo(200);
    }

    @Test
    void theConcurrencyCapRefusesWithThePlainTextMessage() throws Exception {
        sim.faults().concurrencyLimit(2).pageLatency(Duration.ofSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            CompletionService<AdminApiHttp.Answer> answers = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < 5; i++) {
                answers.submit(this::call);
            }
            // the two admitted requests hold their slots until the clock moves, so the other three are refused
            CLOCK.awaitSleepers(2, STUCK);
            for (int i = 0; i < 3; i++) {
                AdminApiHttp.Answer refused = answers.take().get();
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Content-Type")).startsWith("text/plain");
                assertThat(refused.text())
                        .isEqualTo("You have reached the maximum number of concurrent requests per tenant. "
                                + "Please wait and try again");
            }
            assertThat(CLOCK.sleepers()).isEqualTo(2);
            CLOCK.advance(Duration.ofSeconds(1));
            assertThat(answers.take().get().status()).isEqualTo(200);
            assertThat(answers.take().get().status()).isEqualTo(200);
            assertThat(sim.journal().entries(entry -> "concurrency".equals(entry.fault())))
                    .hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void seededFaultsRepeatAndHaveTheServiceShapes() {
        sim.faults()
                .serverBusyRate(0.2)
                .transientErrorRate(0.2)
                .connectionResetRate(0.1)
                .seed(3);
        List<Integer> first = statuses(40);
        sim.faults().seed(3);
        List<Integer> second = statuses(40);
        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 503, 500, 0);

        sim.faults().reset().serverBusyRate(1);
        AdminApiHttp.Answer busy = call();
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Content-Type")).startsWith("text/html");
        assertThat(busy.text()).contains("<title>Service Unavailable</title>");

        sim.faults().reset().transientErrorRate(1);
        AdminApiHttp.Answer transientError = call();
        assertThat(transientError.status()).isEqualTo(500);
        assertThat(transientError.json().path("error").path("code").asText()).isEqualTo("InternalServerError");
        assertThat(transientError
                        .json()
                        .path("error")
                        .path("innererror")
                        .path("type")
                        .asText())
                .isEqualTo("Microsoft.Exchange.Data.Directory.ADTransientException");
        assertThat(transientError.json().path("error").has("details")).isFalse();
    }

    @Test
    void injectedThrottlingAnswers429WithAShortDecimalRetryAfter() {
        sim.faults().throttledRate(1);
        AdminApiHttp.Answer throttled = call();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("0.05");
        assertThat(throttled.header("Rate-Limit-Remaining")).isEqualTo("0");
        assertThat(sim.journal().entries(entry -> "throttled".equals(entry.fault())))
                .hasSize(1);
        sim.faults().reset();
        assertThat(call().status()).isEqualTo(200);
    }

    @Test
    void aResetConnectionFailsTheClient() {
        sim.faults().connectionResetRate(1);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(AdminApiHttp.invokeCommandUrl(sim.exchangeUrl(), TENANT)))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(AdminApiHttp.cmdletInput("Get-AcceptedDomain", Map.of())))
                .build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(sim.journal().entries(entry -> "connection-reset".equals(entry.fault())))
                .hasSize(1);
    }

    @Test
    void latencyDelaysEachPage() throws Exception {
        sim.faults().pageLatency(Duration.ofMillis(300));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<AdminApiHttp.Answer> answer = pool.submit(this::call);
            CLOCK.awaitSleepers(1, STUCK);
            CLOCK.advance(Duration.ofMillis(299));
            assertThat(answer).as("answered before its latency passed").isNotDone();
            CLOCK.advance(Duration.ofMillis(1));
            assertThat(answer.get().status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Status per call, 0 for a reset connection. */
    private List<Integer> statuses(int calls) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                statuses.add(call().status());
            } catch (IllegalStateException reset) {
                statuses.add(0);
            }
        }
        return statuses;
    }
}
