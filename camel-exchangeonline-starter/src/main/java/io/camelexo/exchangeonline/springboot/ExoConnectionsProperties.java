package io.camelexo.exchangeonline.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Named connections: each becomes an {@code ExoConnection} bean of that name, used as {@code exo:Get-Mailbox?connection=NAME}. */
@ConfigurationProperties(prefix = "camel.exchangeonline")
public class ExoConnectionsProperties {

    /**
     * Connections by name, each with the endpoint options of its tenant (organization, auth and credential, environment,
     * ...), e.g. camel.exchangeonline.connections.contoso.organization=contoso.onmicrosoft.com. Endpoints that name a
     * connection take its options over the component's; their own URI options win over both. Each identity gets its own
     * session, so a token of one tenant never reaches another.
     */
    private Map<String, ExoConnectionOptions> connections = new LinkedHashMap<>();

    public Map<String, ExoConnectionOptions> getConnections() {
        return connections;
    }

    public void setConnections(Map<String, ExoConnectionOptions> connections) {
        this.connections = connections;
    }
}
