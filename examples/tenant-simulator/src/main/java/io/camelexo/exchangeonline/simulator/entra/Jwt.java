package io.camelexo.exchangeonline.simulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** Compact JWS (RS256) writing and reading; only what Entra tokens and msal4j's client assertions need. */
final class Jwt {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    final JsonNode header;
    final JsonNode payload;
    private final String signingInput;
    private final byte[] signature;

    private Jwt(JsonNode header, JsonNode payload, String signingInput, byte[] signature) {
        this.header = header;
        this.payload = payload;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    static String sign(Map<String, Object> header, Map<String, Object> payload, PrivateKey key) {
        try {
            String input = URL.encodeToString(MAPPER.writeValueAsBytes(header)) + "."
                    + URL.encodeToString(MAPPER.writeValueAsBytes(payload));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing a token failed", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not three Base64url parts with JSON header and payload */
    static Jwt parse(String token) {
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWS in compact form");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode header = MAPPER.readTree(decoder.decode(parts[0]));
            JsonNode payload = MAPPER.readTree(decoder.decode(parts[1]));
            if (header == null || !header.isObject() || payload == null || !payload.isObject()) {
                throw new IllegalArgumentException("header or payload is no JSON object");
            }
            return new Jwt(header, payload, parts[0] + "." + parts[1], decoder.decode(parts[2]));
        } catch (IOException e) {
            throw new IllegalArgumentException("header or payload is not JSON", e);
        }
    }

    boolean verifies(PublicKey key) {
        if (!"RS256".equals(header.path("alg").asText())) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String base64Url(byte[] bytes) {
        return URL.encodeToString(bytes);
    }
}
