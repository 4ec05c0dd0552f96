package io.camelexo.exchangeonline.benchmark;

import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.time.Duration;

/** The simulated tenant a benchmark runs against, in its JVM, and the endpoint options that reach it. */
final class BenchmarkTenant {

    static final String TENANT = TenantSimulator.DEFAULT_TENANT;

    private BenchmarkTenant() {}

    /**
     * A tenant of {@code mailboxes} with no journal (a benchmark of a million pages would fill the heap with it) and
     * enough request threads to serve {@code concurrentRequests} at once.
     */
    static TenantSimulator start(int mailboxes, int concurrentRequests) {
        return TenantSimulator.builder()
                .mailboxes(mailboxes)
                .journalCapacity(0)
                .threads(Math.max(32, concurrentRequests + 8))
                .build()
                .start();
    }

    /** {@code organization}, {@code connectionUri} and an access token valid for longer than any benchmark runs. */
    static String endpointOptions(TenantSimulator simulator) {
        return "organization=" + TENANT + "&connectionUri=" + simulator.exchangeUrl() + "&accessToken="
                + simulator.accessToken(TENANT, SimulatedService.EXCHANGE, Duration.ofHours(8));
    }
}
