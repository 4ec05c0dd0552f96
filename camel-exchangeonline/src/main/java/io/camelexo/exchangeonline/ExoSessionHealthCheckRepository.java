package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.session.ExoSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;

/**
 * One {@link ExoSessionHealthCheck} per session of every exo/scc component of the context, including a session that
 * is still signing in. Exclude them with the registry's exclude pattern ({@code camel.health.exclude-pattern=exo:*}).
 */
final class ExoSessionHealthCheckRepository implements HealthCheckRepository, CamelContextAware {

    static final String ID = "exchangeonline-sessions";

    private final Map<ExoSession, ExoSessionHealthCheck> checks = new LinkedHashMap<>();
    private CamelContext camelContext;
    private volatile boolean enabled = true;

    @Override
    public synchronized Stream<HealthCheck> stream() {
        if (!enabled) {
            return Stream.empty();
        }
        Map<ExoSession, String> sessions = new LinkedHashMap<>();
        camelContext.getComponentNames().forEach(name -> {
            if (camelContext.hasComponent(name) instanceof ExoComponent component) {
                component.sessions().sessions().forEach(session -> sessions.put(session, name));
            }
        });
        checks.keySet().retainAll(sessions.keySet());
        sessions.forEach((session, componentName) -> checks.computeIfAbsent(session, s -> {
            ExoSessionHealthCheck check = new ExoSessionHealthCheck(componentName, s);
            check.setCamelContext(camelContext);
            return check;
        }));
        return List.<HealthCheck>copyOf(checks.values()).stream();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
