package io.camelexo.exchangeonline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.camel.SimulatorTrust;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics agree with what the service saw: against the tenant simulator injecting throttling, the concurrency
 * refusal and busy answers, every request it journalled is one exo.requests timing with the matching outcome, and
 * every token Entra ID issued is one exo.tokens count.
 */
class SimulatedTenantMetricsTest extends CamelTestSupport {

    static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    static final int MAILBOXES = 240;
    static final TenantSimulator SIMULATOR =
            TenantSimulator.builder().mailboxes(MAILBOXES).build().start();
    static final AppCredentials APP = SIMULATOR.defaultApp(TENANT);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("simulatorTrust", SimulatorTrust.of(SIMULATOR));
        registry.bind("meters", meters);
    }

    @Test
    void everyRequestTheServiceSawIsTimedOnceWithItsOutcomeAndEverySignInCounted() {
        SIMULATOR
                .faults()
                .seed(10)
                .throttledRate(0.15)
                .concurrencyRefusalRate(0.05)
                .serverBusyRate(0.1)
                .transientErrorRate(0.05);
        SIMULATOR.journal().clear();

        List<?> mailboxes = template.requestBody(
                "exo:Get-Mailbox?ResultSize=Unlimited&pageSize=20&maxRetries=20&retryInitialDelay=1&retryMaxDelay=5"
                        + "&organization=" + TENANT + "&connectionUri=" + SIMULATOR.exchangeUrl()
                        + "&azureADAuthorizationEndpointUri=" + SIMULATOR.authorityUrl(TENANT)
                        + "&sslContextParameters=#simulatorTrust&appId=" + APP.appId() + "&clientSecret=RAW("
                        + APP.clientSecret() + ")",
                null,
                List.class);

        assertThat(mailboxes).hasSize(MAILBOXES);
        long throttled = adminApiCalls(faultIn("throttled", "concurrency"));
        long retried = adminApiCalls(faultIn("server-busy", "transient-error"));
        // the seed draws each kind of fault at least once, so each outcome is exercised
        assertThat(throttled).isPositive();
        assertThat(retried).isPositive();
        assertThat(requestCounts())
                .containsOnly(
                        Map.entry("success", adminApiCalls(e -> e.status() == 200)),
                        Map.entry("throttled", throttled),
                        Map.entry("retried", retried));
        assertThat(adminApiCalls(e -> true)).isEqualTo(MAILBOXES / 20 + throttled + retried);
        assertThat(meters.get("exo.records")
                        .tag("cmdlet", "Get-Mailbox")
                        .counter()
                        .count())
                .isEqualTo(MAILBOXES);
        long tokensIssued = SIMULATOR.journal().entries(SimulatedService.ENTRA_ID).stream()
                .filter(e -> e.url().contains("/token"))
                .count();
        assertThat(tokensIssued).isEqualTo(1);
        assertThat(meters.get("exo.tokens").tag("tenant", TENANT).counter().count())
                .isEqualTo(tokensIssued);
    }

    /** InvokeCommand requests the simulator journalled that match (a faulted one is journalled before its cmdlet). */
    private static long adminApiCalls(Predicate<JournalEntry> matching) {
        return SIMULATOR.journal().entries(SimulatedService.EXCHANGE).stream()
                .filter(entry -> entry.url().contains("/InvokeCommand"))
                .filter(matching)
                .count();
    }

    private static Predicate<JournalEntry> faultIn(String... faults) {
        return entry -> entry.fault() != null && Set.of(faults).contains(entry.fault());
    }

    /** exo.requests counts of the tenant's Get-Mailbox by outcome. */
    private Map<String, Long> requestCounts() {
        return meters
                .find("exo.requests")
                .tags("service", "exo", "tenant", TENANT, "cmdlet", "Get-Mailbox")
                .timers()
                .stream()
                .collect(Collectors.toMap(timer -> timer.getId().getTag("outcome"), Timer::count));
    }
}
