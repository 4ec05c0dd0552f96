package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code $skiptoken} of a nextLink: where the next page starts, how many records went out before it, and for
 * InvokeCommand the CmdletInput itself. Carrying the input is the simulator's choice: the module re-POSTs the
 * same body to the nextLink, some clients GET it, and with the input in the link both work without server-side
 * cursors. Base64url, so the link needs no further escaping.
 */
record SkipToken(long position, long delivered, ObjectNode input) {

    String encode() {
        ObjectNode token = Json.MAPPER.createObjectNode();
        token.put("p", position);
        token.put("d", delivered);
        if (input != null) {
            token.set("i", input);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    static SkipToken decode(String text) {
        try {
            JsonNode token = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(text.strip()));
            if (token == null
                    || !token.path("p").canConvertToLong()
                    || !token.path("d").canConvertToLong()) {
                throw new IllegalArgumentException("fields missing");
            }
            JsonNode input = token.get("i");
            return new SkipToken(
                    token.get("p").asLong(),
                    token.get("d").asLong(),
                    input instanceof ObjectNode object ? object : null);
        } catch (IOException | IllegalArgumentException e) {
            throw AdminApiError.plain(
                    400, "BadRequest", "The $skiptoken is not valid: use the @odata.nextLink exactly as received.");
        }
    }
}
