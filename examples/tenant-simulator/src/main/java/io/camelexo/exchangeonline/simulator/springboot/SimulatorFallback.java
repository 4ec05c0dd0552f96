package io.camelexo.exchangeonline.simulator.springboot;

import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.camel.SimulatorTrust;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For Spring Boot applications of the examples: with no tenant configured, starts the built-in tenant simulator in this
 * JVM, says so, and points the exo and scc components at it (Admin API, Entra ID authority, the simulator's app and
 * TLS trust) — as properties, so the routes run unchanged against a real tenant once
 * {@code camel.component.exo.organization} is set. Register it on the SpringApplication as a listener and an
 * initializer. Spring Boot and Camel are the application's (provided scope here). {@code simulator.mailboxes} and
 * {@code simulator.seed} size the tenant; {@code simulator.audit-events-per-hour} and
 * {@code simulator.trace-messages-per-hour} fill its audit log and message trace (none by default).
 */
public final class SimulatorFallback
        implements ApplicationListener<SpringApplicationEvent>,
                ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFallback.class);
    public static final String TENANT_PROPERTY = "camel.component.exo.organization";
    /** The demo app's secret: in this JVM's memory only, outside the camel.* options, which name it by placeholder. */
    private static final String CLIENT_SECRET_PROPERTY = "tenant-simulator.client-secret";

    private TenantSimulator simulator;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startUnlessATenantIsConfigured(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent && simulator != null) {
            // a context that failed to start is never closed: stop the servers, or their threads keep the JVM alive
            simulator.stop();
        }
    }

    private void startUnlessATenantIsConfigured(ConfigurableEnvironment environment) {
        String tenant = environment.getProperty(TENANT_PROPERTY);
        if (tenant != null && !tenant.isBlank() || simulator != null) {
            return;
        }
        int mailboxes = environment.getProperty("simulator.mailboxes", Integer.class, 5000);
        simulator = TenantSimulator.builder()
                .seed(environment.getProperty("simulator.seed", Long.class, 42L))
                .mailboxes(mailboxes)
                .tenant(TenantSimulator.DEFAULT_TENANT)
                .build()
                .start();
        simulator
                .auditLog(TenantSimulator.DEFAULT_TENANT)
                .generatePerHour(environment.getProperty("simulator.audit-events-per-hour", Integer.class, 0));
        simulator
                .messageTrace(TenantSimulator.DEFAULT_TENANT)
                .generatePerHour(environment.getProperty("simulator.trace-messages-per-hour", Integer.class, 0));
        AppCredentials app = simulator.defaultApp(TenantSimulator.DEFAULT_TENANT);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CLIENT_SECRET_PROPERTY, app.clientSecret());
        for (String scheme : new String[] {"exo", "scc"}) {
            String prefix = "camel.component." + scheme + ".";
            properties.put(prefix + "organization", TenantSimulator.DEFAULT_TENANT);
            properties.put(
                    prefix + "connectionUri",
                    scheme.equals("exo") ? simulator.exchangeUrl() : simulator.complianceUrl());
            properties.put(
                    prefix + "azureADAuthorizationEndpointUri", simulator.authorityUrl(TenantSimulator.DEFAULT_TENANT));
            properties.put(prefix + "appId", app.appId());
            // as a placeholder, the way Camel's security policy expects a secret from a vault or the environment: a
            // clientSecret written in plain text among the camel.* properties is still reported (SECURITY WARNING)
            properties.put(prefix + "clientSecret", "{{" + CLIENT_SECRET_PROPERTY + "}}");
            properties.put(prefix + "sslContextParameters", "#tenantSimulatorTrust");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("tenantSimulator", properties));
        LOG.warn(
                "No tenant configured ({} is not set): started the built-in tenant simulator with {} mailboxes of {} at {}. "
                        + "Set the properties of 'Run against your tenant' in the README to use a real tenant.",
                TENANT_PROPERTY,
                mailboxes,
                TenantSimulator.DEFAULT_TENANT,
                simulator.exchangeUrl());
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (simulator == null) {
            return;
        }
        if (!(context instanceof GenericApplicationContext beans)) {
            throw new IllegalStateException("SimulatorFallback needs a GenericApplicationContext, got "
                    + context.getClass().getName());
        }
        // a bean with a destroy method, registered before the application's beans: it stops after Camel has stopped
        beans.registerBean(
                "tenantSimulator",
                TenantSimulator.class,
                () -> simulator,
                definition -> definition.setDestroyMethodName("stop"));
        beans.registerBean("tenantSimulatorTrust", SSLContextParameters.class, () -> SimulatorTrust.of(simulator));
    }
}
