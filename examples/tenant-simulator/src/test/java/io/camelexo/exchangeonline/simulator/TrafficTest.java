package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The in-flight figures per tenant a governor test reads: concurrent clients are held inside their request latency on a
 * {@link ManualClock}, so the count is exact whatever the machine's speed.
 */
class TrafficTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String OTHER = "fabrikam.onmicrosoft.com";
    private static final Duration STUCK = Duration.ofMinutes(1);

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(
            TenantSimulator.builder().tenant(TENANT, 20).tenant(OTHER, 20).clock(CLOCK));

    private final AdminApiHttp http = new AdminApiHttp();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private TenantSimulator sim;

    @BeforeEach
    void start() {
        sim = SIM.simulator();
        sim.faults().requestLatency(Duration.ofSeconds(1));
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    private Future<AdminApiHttp.Answer> call(String tenant) {
        String token = sim.accessToken(tenant, SimulatedService.EXCHANGE);
        return clients.submit(() -> http.invoke(sim.exchangeUrl(), tenant, token, "Get-AcceptedDomain", Map.of()));
    }

    @Test
    void concurrentRequestsAreCountedPerTenantNowAndAtMost() throws Exception {
        List<Future<AdminApiHttp.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(call(TENANT));
        }
        answers.add(call(OTHER));
        CLOCK.awaitSleepers(6, STUCK);
        assertThat(sim.traffic().inFlight(TENANT)).isEqualTo(5);
        assertThat(sim.traffic().inFlight(sim.tenantId(OTHER))).as("by id too").isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(1));
        for (Future<AdminApiHttp.Answer> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
        }
        assertThat(sim.traffic().maxInFlight(TENANT)).isEqualTo(5);
        assertThat(sim.traffic().maxInFlight(OTHER)).isEqualTo(1);
        assertThat(sim.traffic().requests(TENANT)).isEqualTo(5);
        assertThat(sim.traffic().figures(SimulatedService.COMPLIANCE, TENANT).maxInFlight())
                .isZero();

        // the server counts a request done before its answer leaves, so nothing is in flight any more
        assertThat(sim.traffic().inFlight(TENANT)).isZero();
        sim.traffic().reset();
        assertThat(sim.traffic().maxInFlight(TENANT)).isZero();
        assertThat(sim.traffic().requests(TENANT)).isZero();
    }

    @Test
    void requestsRefusedByTheConcurrencyCapStillCountAsSent() throws Exception {
        sim.faults().concurrencyLimit(2);
        List<Future<AdminApiHttp.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(call(TENANT));
        }
        CLOCK.awaitSleepers(2, STUCK);
        AdminApiHttp.Answer refused = call(TENANT).get();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(sim.traffic().maxInFlight(TENANT)).isEqualTo(3);
        CLOCK.advance(Duration.ofSeconds(1));
        for (Future<AdminApiHttp.Answer> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
        }
    }

    @Test
    void aBatchEnvelopeCountsOnceAndTheFiguresAreServedAsJson() throws Exception {
        String token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
        String invoke = AdminApiHttp.invokeCommandUrl(sim.exchangeUrl(), TENANT);
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(AdminApiHttp.batchItem(Integer.toString(i), invoke, "Get-AcceptedDomain", Map.of()));
        }
        Future<AdminApiHttp.Answer> envelope =
                clients.submit(() -> http.batch(sim.exchangeUrl(), TENANT, token, items));
        Future<AdminApiHttp.Answer> single = call(TENANT);
        CLOCK.awaitSleepers(2, STUCK);

        JsonNode stats = http.get(sim.statsUrl(), null).json();
        JsonNode contoso = stats.path("tenants").get(0);
        assertThat(contoso.path("tenant").asText()).isEqualTo(TENANT);
        assertThat(contoso.path("tenantId").asText()).isEqualTo(sim.tenantId(TENANT));
        assertThat(contoso.path("exchange").path("inFlight").asInt()).isEqualTo(2);
        assertThat(contoso.path("exchange").path("maxInFlight").asInt()).isEqualTo(2);
        assertThat(contoso.path("compliance").path("requests").asInt()).isZero();

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(envelope.get().json().path("responses")).hasSize(10);
        assertThat(single.get().status()).isEqualTo(200);
        assertThat(sim.traffic().requests(TENANT)).as("ten items, one request").isEqualTo(2);

        assertThat(http.post(sim.statsUrl() + "/reset", null, new byte[0]).status())
                .isEqualTo(204);
        assertThat(http.get(sim.statsUrl(), null)
                        .json()
                        .path("tenants")
                        .get(0)
                        .path("exchange")
                        .path("maxInFlight")
                        .asInt())
                .isZero();
    }
}
