package io.camelexo.examples.tenantcheck;

import io.camelexo.exchangeonline.ExoConstants;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Runs cmdlets the way a route does: a Camel exchange sent to an {@code exo:} or {@code scc:} endpoint, cmdlet
 * parameters in the {@code CamelExoParameters} header, component options (pageSize, select, ...) on the URI. The
 * connection options are the components' own, so every endpoint of a service shares one session and one sign-in.
 */
final class CmdletRunner {

    private final ProducerTemplate template;
    private volatile String lastRequestId;

    CmdletRunner(ProducerTemplate template) {
        this.template = template;
    }

    List<Map<String, Object>> exo(String cmdlet, Map<String, Object> parameters) {
        return run("exo:" + cmdlet, parameters);
    }

    List<Map<String, Object>> scc(String cmdlet, Map<String, Object> parameters) {
        return run("scc:" + cmdlet, parameters);
    }

    /**
     * @param uri the endpoint with its component options, e.g. {@code exo:Get-Mailbox?pageSize=1}
     * @throws CmdletFailure carrying what the component threw (an ExoException), possibly inside Camel's wrapper of a
     *                       failed endpoint start (a sign-in failure)
     */
    List<Map<String, Object>> run(String uri, Map<String, Object> parameters) {
        return send(uri, parameters, null);
    }

    /** The endpoint with {@code bulk=true}: the items are the body, the answer one entry per item. */
    List<Map<String, Object>> bulk(String uri, List<?> items) {
        return send(uri, Map.of(), items);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> send(String uri, Map<String, Object> parameters, Object body) {
        lastRequestId = null;
        Exchange exchange;
        try {
            exchange = template.send(uri, request -> {
                request.getMessage().setHeader(ExoConstants.PARAMETERS, parameters);
                request.getMessage().setBody(body);
            });
        } catch (RuntimeException endpointDidNotStart) {
            // the endpoint starts on first use, and its start signs in: a sign-in failure surfaces here
            throw new CmdletFailure(endpointDidNotStart);
        }
        lastRequestId = exchange.getMessage().getHeader(ExoConstants.REQUEST_ID, String.class);
        if (exchange.getException() != null) {
            throw new CmdletFailure(exchange.getException());
        }
        Object answer = exchange.getMessage().getBody();
        return answer instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** {@code Get-ConnectionInformation} of the service's session, answered locally by the component. */
    Map<String, Object> connectionInformation(String scheme) {
        return run(scheme + ":Get-ConnectionInformation", Map.of()).get(0);
    }

    /** The client-request-id of the last call that got one. */
    String lastRequestId() {
        return lastRequestId;
    }

    /** A cmdlet call that failed; the cause is what the component or Camel threw. */
    static final class CmdletFailure extends RuntimeException {
        CmdletFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
