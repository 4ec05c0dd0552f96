package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.server.Handler;
import io.camelexo.exchangeonline.simulator.server.SimRequest;
import io.camelexo.exchangeonline.simulator.server.SimResponse;

/**
 * The Security &amp; Compliance front door: every request is answered 302 to the regional host, body empty, token
 * unchecked (docs/admin-api.md, "Security &amp; Compliance redirect"). The real Location names
 * {@code {prefix}.admin.protection.outlook.com:446} and clients
 * rebuild the REST host from its first label; the simulator's Location is the regional server's own origin plus the
 * same path and query, which the component pins as it is when the front door is a literal address.
 */
public final class ComplianceFrontDoor implements Handler {

    private final String regionalBaseUrl;

    public ComplianceFrontDoor(String regionalBaseUrl) {
        this.regionalBaseUrl = regionalBaseUrl;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        return SimResponse.empty(302).header("Location", regionalBaseUrl + request.url());
    }
}
