package io.camelexo.examples.tenantcheck;

import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.camel.SimulatorTrust;
import java.util.Map;

/**
 * With no tenant on the command line, the check runs against the built-in tenant simulator, started in this JVM:
 * the simulator's app and secret, its hosts (Admin API over HTTPS), and trust for its certificate only.
 */
final class SimulatedTenant implements AutoCloseable {

    static final String TRUST_BEAN = "tenantSimulatorTrust";
    private static final int MAILBOXES = 200;

    private final TenantSimulator simulator;

    private SimulatedTenant(TenantSimulator simulator) {
        this.simulator = simulator;
    }

    static SimulatedTenant start() {
        return new SimulatedTenant(TenantSimulator.builder()
                .mailboxes(MAILBOXES)
                .adminApiHttps(true)
                .build()
                .start());
    }

    /** The given options plus the simulator's tenant, app, hosts and trust. */
    CheckOptions options(CheckOptions given) {
        String tenant = TenantSimulator.DEFAULT_TENANT;
        AppCredentials app = simulator.defaultApp(tenant);
        return given.with(
                Map.of(
                        "organization", tenant,
                        "azureADAuthorizationEndpointUri", simulator.authorityUrl(tenant),
                        "appId", app.appId(),
                        "clientSecret", app.clientSecret(),
                        "sslContextParameters", "#" + TRUST_BEAN),
                Map.of("connectionUri", simulator.exchangeUrl()),
                Map.of("connectionUri", simulator.complianceUrl()));
    }

    Map<String, Object> beans() {
        return Map.of(TRUST_BEAN, SimulatorTrust.of(simulator));
    }

    /** A mailbox of the simulated tenant, to suggest for --test-mailbox. */
    String someMailbox() {
        return String.valueOf(
                simulator.mailbox(TenantSimulator.DEFAULT_TENANT, 0).get("PrimarySmtpAddress"));
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
