package io.camelexo.exchangeonline.simulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.simulator.server.SimResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * An Entra ID error answer: {@code error} and {@code error_description} both non-blank
 * (msal4j otherwise reports "unknown" and, for device code, stops polling), the AADSTS code first in the
 * description and in {@code error_codes}, plus trace and correlation ids.
 */
final class AadError extends RuntimeException {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private final int status;
    private final String error;
    private final int code;

    AadError(int status, String error, int code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.code = code;
    }

    SimResponse toResponse() {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        ObjectNode body = Jwt.MAPPER.createObjectNode();
        body.put("error", error);
        body.put(
                "error_description",
                "AADSTS" + code + ": " + getMessage() + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation
                        + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(code);
        body.put("timestamp", timestamp);
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return SimResponse.json(status, body.toString());
    }
}
