package io.camelexo.exchangeonline.metrics;

import io.camelexo.exchangeonline.adminapi.CallObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's metrics on Micrometer. Only loaded when Micrometer is on the classpath: nothing outside this package
 * names a Micrometer type.
 */
public final class MicrometerMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetrics.class);

    private MicrometerMetrics() {}

    /**
     * Observers that record into the registry's MeterRegistry (the primary one, where Spring has several), or none when
     * there is no MeterRegistry to choose.
     */
    public static CallObserver.Factory observers(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            int found = context.getRegistry().findByType(MeterRegistry.class).size();
            if (found > 1) {
                LOG.warn("{} MeterRegistry beans and none is primary: Exchange Online metrics are not recorded", found);
            }
            return CallObserver.Factory.NONE;
        }
        LOG.debug("Exchange Online metrics go to {}", registry);
        return (service, tenant, session, governor) -> new SessionMeters(registry, service, tenant, session, governor);
    }
}
