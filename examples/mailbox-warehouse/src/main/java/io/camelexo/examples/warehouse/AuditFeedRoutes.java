package io.camelexo.examples.warehouse;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The unified audit log into audit_events, incrementally: the component's audit-log feed keeps its watermark in a
 * file under {@code warehouse.state-directory}, so each poll (and each run) loads only what came after the last one.
 */
@Component
public class AuditFeedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("exo:Search-UnifiedAuditLog?startDate={{warehouse.audit-start-date}}"
                        + "&ingestionLag={{warehouse.audit-ingestion-lag}}&overlap={{warehouse.audit-overlap}}"
                        + "&stateDirectory={{warehouse.state-directory}}&delay={{warehouse.audit-poll-delay}}"
                        + "&initialDelay=0&pollStrategy=#auditPolls")
                .routeId("audit-feed")
                .bean(AuditFeed.class, "load");
    }
}
