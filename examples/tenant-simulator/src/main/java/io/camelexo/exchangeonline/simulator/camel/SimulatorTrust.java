package io.camelexo.exchangeonline.simulator.camel;

import io.camelexo.exchangeonline.simulator.TenantSimulator;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** The sslContextParameters with which exo and scc endpoints reach the simulator's Entra ID. Camel is the caller's. */
public final class SimulatorTrust {

    private SimulatorTrust() {}

    /** Trust for the simulator's self-signed certificate, and only for it. */
    public static SSLContextParameters of(TenantSimulator simulator) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + simulator.trustStorePath());
        trustStore.setPassword(simulator.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
