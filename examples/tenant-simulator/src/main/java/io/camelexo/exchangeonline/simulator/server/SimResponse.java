package io.camelexo.exchangeonline.simulator.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: status, headers and body, or a connection reset instead of any answer. */
public final class SimResponse {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final boolean connectionReset;

    private SimResponse(int status, byte[] body, boolean connectionReset) {
        this.status = status;
        this.body = body;
        this.connectionReset = connectionReset;
    }

    public static SimResponse of(int status, String contentType, byte[] body) {
        SimResponse response = new SimResponse(status, body, false);
        if (contentType != null) {
            response.header("Content-Type", contentType);
        }
        return response;
    }

    public static SimResponse json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, new byte[0], false);
    }

    /** The server closes the connection with a TCP reset instead of answering. */
    public static SimResponse connectionReset() {
        return new SimResponse(0, new byte[0], true);
    }

    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    public byte[] body() {
        return body;
    }

    public boolean isConnectionReset() {
        return connectionReset;
    }
}
