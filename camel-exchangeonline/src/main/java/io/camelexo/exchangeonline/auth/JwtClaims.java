package io.camelexo.exchangeonline.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.Base64;

/**
 * The claims of a JWT access token, read without verifying it (the service verifies; we only want expiry,
 * tenant and user for routing and for Get-ConnectionInformation). Anything unreadable gives empty claims.
 */
public final class JwtClaims {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode claims;

    private JwtClaims(JsonNode claims) {
        this.claims = claims;
    }

    public static JwtClaims parse(String token) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length >= 2) {
                JsonNode node = MAPPER.readTree(Base64.getUrlDecoder()
                        .decode(parts[1].replace('+', '-').replace('/', '_').replace("=", "")));
                if (node != null && node.isObject()) {
                    return new JwtClaims(node);
                }
            }
        } catch (Exception notAJwt) {
            // an opaque token: no claims to read
        }
        return new JwtClaims(MissingNode.getInstance());
    }

    public Instant expiresAt() {
        return claims.path("exp").isNumber()
                ? Instant.ofEpochSecond(claims.path("exp").asLong())
                : null;
    }

    /** Tenant id ({@code tid}). */
    public String tenantId() {
        return text("tid");
    }

    /** The signed-in user of a delegated token ({@code upn}, else {@code preferred_username}, else {@code unique_name}); null for app-only. */
    public String userPrincipalName() {
        String upn = text("upn");
        if (upn == null) {
            upn = text("preferred_username");
        }
        return upn != null ? upn : text("unique_name");
    }

    /** Application (client) id ({@code appid} in v1 tokens, {@code azp} in v2). */
    public String appId() {
        String appId = text("appid");
        return appId != null ? appId : text("azp");
    }

    private String text(String name) {
        JsonNode node = claims.path(name);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
