package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.Traffic;
import io.camelexo.exchangeonline.simulator.server.SimRequest;
import io.camelexo.exchangeonline.simulator.server.SimResponse;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import io.camelexo.exchangeonline.simulator.tenant.Tenants;
import java.util.Locale;

/**
 * The simulator's own path beside the Admin API, for a benchmark that runs the simulator in another process:
 * {@code GET /_simulator/stats} answers the {@link Traffic} figures as JSON, {@code POST /_simulator/stats/reset}
 * resets them. No token: nothing the real service has.
 */
final class TrafficStats {

    private static final String PREFIX = "/_simulator/";
    private static final String STATS = PREFIX + "stats";
    private static final String RESET = STATS + "/reset";

    private TrafficStats() {}

    static boolean isStatsPath(String rawPath) {
        return rawPath.startsWith(PREFIX);
    }

    /**
     * {@code {"tenants":[{"tenant":"contoso.onmicrosoft.com","tenantId":"…","exchange":{"inFlight":0,
     * "maxInFlight":4,"requests":1200},"compliance":{…}}]}}
     */
    static SimResponse answer(SimRequest request, Traffic traffic, Tenants tenants) {
        if (request.rawPath().equals(RESET) && request.method().equals("POST")) {
            traffic.reset();
            return SimResponse.empty(204);
        }
        if (!request.rawPath().equals(STATS) || !request.method().equals("GET")) {
            return SimResponse.json(404, "{\"error\":\"GET " + STATS + " or POST " + RESET + "\"}");
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("tenants");
        for (Tenant tenant : tenants.all()) {
            ObjectNode entry = list.addObject();
            String id = tenant.tenantId().toString();
            entry.put("tenant", tenant.initialDomain());
            entry.put("tenantId", id);
            for (SimulatedService service :
                    new SimulatedService[] {SimulatedService.EXCHANGE, SimulatedService.COMPLIANCE}) {
                Traffic.Figures figures = traffic.figures(service, id);
                entry.putObject(service.name().toLowerCase(Locale.ROOT))
                        .put("inFlight", figures.inFlight())
                        .put("maxInFlight", figures.maxInFlight())
                        .put("requests", figures.requests());
            }
        }
        return SimResponse.json(200, root.toString());
    }
}
