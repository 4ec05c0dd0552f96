package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.adminapi.ClientStatistics;
import io.camelexo.exchangeonline.session.ExoSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The sign-in state of one session: UP when signed in (or signed out, as the next call signs in again), DOWN with
 * the reason when the last sign-in or token refresh failed, UNKNOWN while sign-in runs or waits for a person (device
 * login, browser sign-in), with what to do as the reason. Details name the cloud, tenant, service URI, connections using the session, token expiry and how often the
 * service throttled it; never a secret or a token.
 */
final class ExoSessionHealthCheck extends AbstractHealthCheck {

    private final ExoSession session;

    ExoSessionHealthCheck(String componentName, ExoSession session) {
        super("exchangeonline", componentName + ":" + session.name());
        this.session = session;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ExoSession.SignInState state = session.signInState();
        builder.state(
                switch (state) {
                    case SIGNED_IN, SIGNED_OUT -> HealthCheck.State.UP;
                    case FAILED -> HealthCheck.State.DOWN;
                    case SIGNING_IN, WAITING_FOR_USER -> HealthCheck.State.UNKNOWN;
                });
        RuntimeException failure = session.signInFailure();
        String reason = switch (state) {
            case WAITING_FOR_USER -> session.pendingSignIn();
            case FAILED -> failure != null ? failure.getMessage() : null;
            default -> null;
        };
        builder.message(reason);
        Map<String, Object> info = session.connectionInformation();
        ClientStatistics statistics = session.statistics();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        // Spring Boot's Camel health indicator shows the details but not the message: the reason goes in both
        details.put("reason", reason);
        details.put("environment", info.get("Environment"));
        details.put("organization", info.get("Organization"));
        details.put("delegatedOrganization", info.get("DelegatedOrganization"));
        details.put("tenantId", info.get("TenantID"));
        details.put("connectionUri", info.get("ConnectionUri"));
        details.put("connections", connectionsUsingSession());
        details.put("tokenExpiry", info.get("TokenExpiryTimeUTC"));
        details.put("requests", statistics.requests());
        details.put("retries", statistics.retries());
        details.put("throttledResponses", statistics.throttledResponses());
        details.put("maxConcurrentRequests", session.governor().maxConcurrentRequests());
        details.put("inFlightRequests", session.governor().inFlight());
        details.put("queuedRequests", session.governor().queued());
        details.forEach((key, value) -> {
            if (value != null) {
                builder.detail(key, value);
            }
        });
    }

    /** The named connections of the endpoints that share this session, comma-separated. */
    private String connectionsUsingSession() {
        return getCamelContext().getEndpoints().stream()
                .filter(endpoint -> endpoint instanceof ExoEndpoint exo && exo.getSession() == session)
                .map(endpoint -> ((ExoEndpoint) endpoint).getConfiguration().getConnection())
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
    }
}
