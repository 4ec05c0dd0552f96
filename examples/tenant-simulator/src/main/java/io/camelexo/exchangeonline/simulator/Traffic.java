package io.camelexo.exchangeonline.simulator;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import io.camelexo.exchangeonline.simulator.tenant.Tenants;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many Admin API requests each tenant has in flight per service: now, at most since the last {@link #reset()},
 * and how many arrived. A request counts from the moment its token is accepted until it is answered, whether the
 * concurrency cap and the token bucket admit it or not, so the figures show what clients sent at once. A $batch
 * envelope counts once, however many items it holds. Also served as JSON at {@code GET /_simulator/stats}.
 */
public final class Traffic {

    /** Closing it marks the request answered. */
    public interface InFlight extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One tenant's figures for one service.
     *
     * @param inFlight    requests being served now
     * @param maxInFlight the most served at once since the last reset
     * @param requests    requests since the last reset (a $batch envelope is one)
     */
    public record Figures(int inFlight, int maxInFlight, long requests) {}

    private record Key(SimulatedService service, String tenantId) {}

    private static final class Counter {
        private int inFlight;
        private int maxInFlight;
        private long requests;

        synchronized void arrive() {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            requests++;
        }

        synchronized void leave() {
            inFlight--;
        }

        synchronized void reset() {
            maxInFlight = inFlight;
            requests = 0;
        }

        synchronized Figures figures() {
            return new Figures(inFlight, maxInFlight, requests);
        }
    }

    private final Tenants tenants;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    Traffic(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Exchange Admin API requests of the tenant (id, initial or custom domain) being served right now. */
    public int inFlight(String tenant) {
        return figures(SimulatedService.EXCHANGE, tenant).inFlight();
    }

    /** The most Exchange Admin API requests of the tenant served at once since the last reset. */
    public int maxInFlight(String tenant) {
        return figures(SimulatedService.EXCHANGE, tenant).maxInFlight();
    }

    /** Exchange Admin API requests of the tenant since the last reset (a $batch envelope is one). */
    public long requests(String tenant) {
        return figures(SimulatedService.EXCHANGE, tenant).requests();
    }

    /** The figures of the tenant's requests to one service (EXCHANGE, or COMPLIANCE for the regional SCC host). */
    public Figures figures(SimulatedService service, String tenant) {
        Tenant found = tenants.find(tenant);
        if (found == null) {
            throw new IllegalArgumentException("The simulator has no tenant " + tenant);
        }
        return counters.computeIfAbsent(new Key(service, found.tenantId().toString()), key -> new Counter())
                .figures();
    }

    /** Maximums back to what is in flight now, request counts to zero. */
    public void reset() {
        counters.values().forEach(Counter::reset);
    }

    /** Called by the Admin API when a request of the tenant (by id) arrives; close the result once it is answered. */
    public InFlight arrive(SimulatedService service, String tenantId) {
        Counter counter = counters.computeIfAbsent(new Key(service, tenantId), key -> new Counter());
        counter.arrive();
        return counter::leave;
    }
}
