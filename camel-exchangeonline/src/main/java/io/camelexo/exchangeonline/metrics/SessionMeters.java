package io.camelexo.exchangeonline.metrics;

import io.camelexo.exchangeonline.adminapi.CallObserver;
import io.camelexo.exchangeonline.adminapi.RequestGovernor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One session's meters: {@code exo.requests} and {@code exo.records} by tenant and cmdlet, and the session's own
 * {@code exo.inflight} gauge and {@code exo.tokens} counter, which leave the registry when the session ends.
 */
final class SessionMeters implements CallObserver {

    static final String REQUESTS = "exo.requests";
    static final String RECORDS = "exo.records";
    static final String IN_FLIGHT = "exo.inflight";
    static final String TOKENS = "exo.tokens";

    private final MeterRegistry registry;
    private final Tags tenantTags;
    private final Gauge inFlight;
    private final Counter signIns;

    SessionMeters(MeterRegistry registry, String service, String tenant, String session, RequestGovernor governor) {
        this.registry = registry;
        this.tenantTags = Tags.of("service", service, "tenant", tenant);
        Tags sessionTags = tenantTags.and("session", session);
        this.inFlight = Gauge.builder(IN_FLIGHT, governor, RequestGovernor::inFlight)
                .description("Requests of the session sent and not yet answered in full")
                .tags(sessionTags)
                .register(registry);
        this.signIns = Counter.builder(TOKENS)
                .description("Tokens the session obtained from its sign-in method")
                .tags(sessionTags)
                .register(registry);
    }

    @Override
    public void requestCompleted(String cmdlet, Outcome outcome, long nanos) {
        Timer.builder(REQUESTS)
                .description("HTTP requests of cmdlet calls, from sending to the answer received in full")
                .tags(tenantTags)
                .tag("cmdlet", cmdlet)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void recordsDelivered(String cmdlet, long records) {
        Counter.builder(RECORDS)
                .description("Records of cmdlet calls handed to routes")
                .tags(tenantTags)
                .tag("cmdlet", cmdlet)
                .register(registry)
                .increment(records);
    }

    @Override
    public void signedIn(long count) {
        signIns.increment(count);
    }

    @Override
    public void close() {
        registry.remove(inFlight);
        registry.remove(signIns);
    }
}
