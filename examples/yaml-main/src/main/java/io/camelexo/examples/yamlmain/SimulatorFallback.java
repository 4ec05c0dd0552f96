package io.camelexo.examples.yamlmain;

import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no tenant configured ({@code camel.component.exo.organization} in application.properties or as a system
 * property), starts the built-in tenant simulator in this JVM, says so, and points the exo component at it: Admin API
 * over HTTPS, Entra ID authority, the simulator's app, and trust for the simulator's certificate only. The routes stay
 * as they are for a real tenant. {@code simulator.mailboxes} sizes the tenant. The simulator is in the registry as
 * {@code tenantSimulator} and stops with Camel.
 */
final class SimulatorFallback extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFallback.class);
    private static final String TENANT_PROPERTY = "camel.component.exo.organization";
    /** The demo app's secret: in this JVM's memory only, outside the camel.* options, which name it by placeholder. */
    private static final String CLIENT_SECRET_PROPERTY = "tenant-simulator.client-secret";

    private TenantSimulator simulator;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext camel = main.getCamelContext();
        PropertiesComponent properties = camel.getPropertiesComponent();
        if (properties
                .resolveProperty(TENANT_PROPERTY)
                .filter(tenant -> !tenant.isBlank())
                .isPresent()) {
            return;
        }
        int mailboxes = properties
                .resolveProperty("simulator.mailboxes")
                .map(Integer::parseInt)
                .orElse(5000);
        simulator = TenantSimulator.builder()
                .mailboxes(mailboxes)
                .adminApiHttps(true)
                .build()
                .start();
        AppCredentials app = simulator.defaultApp(TenantSimulator.DEFAULT_TENANT);
        camel.getRegistry().bind("tenantSimulator", simulator);
        camel.getRegistry().bind("tenantSimulatorTrust", trustOnly(simulator));
        properties.addOverrideProperty(CLIENT_SECRET_PROPERTY, app.clientSecret());
        String exo = "camel.component.exo.";
        properties.addOverrideProperty(TENANT_PROPERTY, TenantSimulator.DEFAULT_TENANT);
        properties.addOverrideProperty(exo + "connectionUri", simulator.exchangeUrl());
        properties.addOverrideProperty(
                exo + "azureADAuthorizationEndpointUri", simulator.authorityUrl(TenantSimulator.DEFAULT_TENANT));
        properties.addOverrideProperty(exo + "appId", app.appId());
        // a placeholder, as Camel's security policy wants a secret from a vault or the environment: a clientSecret
        // written in plain text among the camel.* properties is still reported (SECURITY WARNING)
        properties.addOverrideProperty(exo + "clientSecret", "{{" + CLIENT_SECRET_PROPERTY + "}}");
        properties.addOverrideProperty(exo + "sslContextParameters", "#tenantSimulatorTrust");
        LOG.warn(
                "No tenant configured ({} is not set): started the built-in tenant simulator with {} mailboxes of {} at {}. "
                        + "Set camel.component.exo.* in application.properties (or as -D system properties) to use a real tenant.",
                TENANT_PROPERTY,
                mailboxes,
                TenantSimulator.DEFAULT_TENANT,
                simulator.exchangeUrl());
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (simulator != null) {
            simulator.stop();
        }
    }

    /** The simulator's self-signed certificate as the only trusted one: TLS stays verified. */
    private static SSLContextParameters trustOnly(TenantSimulator simulator) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setKeyStore(simulator.trustStore());
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
