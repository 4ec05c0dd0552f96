package io.camelexo.examples.fleet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * {@code fleet.simulator-connection=FILE}: runs the fleet against a tenant simulator in another process, from the file
 * it writes with {@code --customers N:M --connection-file FILE}. The partner app signs in at each customer's
 * simulated Entra ID, TLS verified against the simulator's certificate only; unless {@code fleet.tenants} says
 * otherwise, every simulated customer is in the fleet.
 */
final class SimulatorConnection {

    static final String PROPERTY = FleetSettings.PREFIX + "simulator-connection";
    private static final String TRUST_BEAN = "fleetSimulatorTrust";
    /** The synthetic partner secret: in this JVM only, named by placeholder in the component's options. */
    private static final String SECRET_PROPERTY = "fleet.simulator.partner-client-secret";

    private SimulatorConnection() {}

    /** Applies the file named by {@link #PROPERTY}, if one is; returns whether it did. */
    static boolean apply(CamelContext camel) {
        PropertiesComponent properties = camel.getPropertiesComponent();
        Path file = FleetSettings.optional(properties, "simulator-connection")
                .map(Path::of)
                .orElse(null);
        if (file == null) {
            return false;
        }
        Properties connection = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            connection.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PROPERTY + " " + file, e);
        }
        camel.getRegistry()
                .bind(
                        TRUST_BEAN,
                        trustOnly(
                                value(connection, "trust-store", file),
                                value(connection, "trust-store-password", file)));
        String exo = "camel.component.exo.";
        properties.addOverrideProperty(exo + "organization", value(connection, "partner-tenant", file));
        properties.addOverrideProperty(exo + "connectionUri", value(connection, "exchange-url", file));
        properties.addOverrideProperty(exo + "appId", value(connection, "partner-app-id", file));
        properties.addOverrideProperty(SECRET_PROPERTY, value(connection, "partner-client-secret", file));
        properties.addOverrideProperty(exo + "clientSecret", "{{" + SECRET_PROPERTY + "}}");
        properties.addOverrideProperty(exo + "sslContextParameters", "#" + TRUST_BEAN);
        properties.addOverrideProperty(FleetSettings.PREFIX + "authority-base", value(connection, "entra-url", file));
        if (FleetSettings.optional(properties, "tenants").isEmpty()
                && FleetSettings.optional(properties, "tenants-file").isEmpty()) {
            properties.addOverrideProperty(
                    FleetSettings.PREFIX + "tenants", value(connection, "customer-tenants", file));
        }
        return true;
    }

    private static String value(Properties connection, String name, Path file) {
        String value = connection.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    file + " has no " + name + ": is it the tenant simulator's --connection-file?");
        }
        return value;
    }

    private static SSLContextParameters trustOnly(String trustStore, String password) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore);
        store.setPassword(password);
        store.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
