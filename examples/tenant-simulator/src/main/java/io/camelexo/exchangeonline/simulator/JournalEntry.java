package io.camelexo.exchangeonline.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator received, with what it answered. Secrets are redacted: the Authorization header, client
 * secrets, passwords, assertions, refresh tokens and device codes in form bodies, and password and credential
 * parameters in cmdlet bodies.
 *
 * @param url      path and query as received
 * @param body     the request body as text (truncated after 64 KiB)
 * @param tenantId the tenant the request was for, once known (token or URL), else null
 * @param appId    the application (client) id of the token or token request, else null
 * @param user     the signed-in user of a delegated token, else null
 * @param tokenId  the access token's unique id ({@code uti}), to tell tokens apart without keeping them
 * @param cmdlet   the cmdlet an Admin API call ran (InvokeCommand body or Get-EXO* route), else null
 * @param status   the HTTP status answered; 0 for a connection reset
 * @param fault    the fault injected on purpose (throttled, concurrency, server-busy, transient-error, connection-reset), else null
 * @param batchId  for a $batch envelope and each of its items (every item is journalled as a call of its own, before
 *                 the envelope): the envelope's id, also its answer's {@code request-id}; else null
 * @param batchItemId the item's {@code id} within its envelope, else null
 */
public record JournalEntry(
        Instant time,
        SimulatedService service,
        String method,
        String url,
        Map<String, List<String>> headers,
        String body,
        String tenantId,
        String appId,
        String user,
        String tokenId,
        String cmdlet,
        int status,
        String fault,
        String batchId,
        String batchItemId) {

    /** Whether this is an item of a $batch envelope. */
    public boolean isBatchItem() {
        return batchItemId != null;
    }

    /** The first value of a request header (case-insensitive), or null. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry ->
                        entry.getValue().isEmpty() ? null : entry.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
