package io.camelexo.exchangeonline.support;

import io.camelexo.exchangeonline.ExoComponent;
import io.camelexo.exchangeonline.ExoConfiguration;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import org.apache.camel.CamelContext;

/** Routes against the tenant simulator's Exchange Online, signed in app-only with a token the simulator issued. */
public final class SimulatedExchange {

    private SimulatedExchange() {}

    /** Points the exo component's defaults at the simulator's tenant; returns them for further options. */
    public static ExoConfiguration useSimulatedExchange(CamelContext context, TenantSimulator sim, String tenant) {
        ExoConfiguration defaults =
                context.getComponent("exo", ExoComponent.class).getConfiguration();
        defaults.setConnectionUri(sim.exchangeUrl());
        defaults.setOrganization(tenant);
        defaults.setAccessToken(sim.accessToken(tenant, SimulatedService.EXCHANGE));
        return defaults;
    }
}
