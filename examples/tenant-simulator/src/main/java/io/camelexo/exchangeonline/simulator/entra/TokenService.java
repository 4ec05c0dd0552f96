package io.camelexo.exchangeonline.simulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies tokens: access tokens are v1.0-style Entra JWTs signed RS256 with the simulator's key
 * ({@code aud} = resource, {@code tid}, {@code appid}, {@code roles} for apps or {@code scp}/{@code upn} for users);
 * refresh tokens are opaque and remembered here.
 */
public final class TokenService {

    /** The role an app needs for Exchange and SCC (docs/admin-api.md, "Sign-in: authorities and scopes"). */
    static final String MANAGE_AS_APP = "Exchange.ManageAsApp";
    /** The delegated permission name Exchange tokens carry for the module's client (not confirmed). */
    static final String MANAGE_DELEGATED = "Exchange.Manage";

    /** Who a refresh token belongs to. */
    record RefreshGrant(Tenant tenant, String clientId, Directory.User user) {}

    private final KeyPair signingKey = rsaKeyPair();
    private final String keyId;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

    public TokenService(Duration lifetime) {
        this.lifetime = lifetime;
        this.keyId = thumbprint(signingKey.getPublic().getEncoded());
    }

    /** A fresh 2048-bit RSA key pair (token signing here, SecureString decryption in the Admin API). */
    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot make an RSA key pair", e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** An app-only token; {@code appIdAcr} "1" = secret, "2" = certificate (as Entra says). */
    String appToken(Tenant tenant, Directory.App app, String resource, String appIdAcr, Duration validFor) {
        Map<String, Object> claims = commonClaims(tenant, resource, app.appId, app.displayName, appIdAcr, validFor);
        claims.put("idtyp", "app");
        claims.put("oid", app.servicePrincipalId.toString());
        claims.put("roles", List.of(MANAGE_AS_APP));
        claims.put("sub", app.servicePrincipalId.toString());
        return sign(claims);
    }

    /** An app-only token for the tenant's app, outside any sign-in: what the Java API hands to tests. */
    public String appToken(Tenant tenant, Directory directory, String appId, String resource, Duration validFor) {
        return appToken(tenant, directory.app(tenant, appId, true), resource, "1", validFor);
    }

    String userToken(Directory.User user, String clientId, String appName, String resource) {
        Map<String, Object> claims = commonClaims(user.tenant(), resource, clientId, appName, "0", lifetime);
        claims.put("amr", List.of("pwd"));
        claims.put("idtyp", "user");
        claims.put("name", user.displayName());
        claims.put("oid", user.objectId().toString());
        claims.put("scp", MANAGE_DELEGATED);
        claims.put("sub", user.objectId().toString());
        claims.put("unique_name", user.userPrincipalName());
        claims.put("upn", user.userPrincipalName());
        return sign(claims);
    }

    private Map<String, Object> commonClaims(
            Tenant tenant, String resource, String appId, String appName, String appIdAcr, Duration validFor) {
        long now = Instant.now().getEpochSecond();
        String issuer = "https://sts.windows.net/" + tenant.tenantId() + "/";
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", resource);
        claims.put("iss", issuer);
        claims.put("iat", now);
        claims.put("nbf", Math.min(now, now + validFor.toSeconds()) - 300);
        claims.put("exp", now + validFor.toSeconds());
        claims.put("app_displayname", appName);
        claims.put("appid", appId);
        claims.put("appidacr", appIdAcr);
        claims.put("idp", issuer);
        claims.put("tid", tenant.tenantId().toString());
        claims.put("uti", Jwt.base64Url(bytes(16)));
        claims.put("ver", "1.0");
        return claims;
    }

    /** An id_token for msal4j's account: unencrypted claims it reads (oid, tid, preferred_username, name). */
    String idToken(Directory.User user, String clientId, String authorityBase) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", clientId);
        claims.put("iss", authorityBase + "/" + user.tenant().tenantId() + "/v2.0");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 3600);
        claims.put("name", user.displayName());
        claims.put("oid", user.objectId().toString());
        claims.put("preferred_username", user.userPrincipalName());
        claims.put("sub", user.objectId().toString());
        claims.put("tid", user.tenant().tenantId().toString());
        claims.put("ver", "2.0");
        return sign(claims);
    }

    String refreshToken(Tenant tenant, String clientId, Directory.User user) {
        String token = "0.SIM" + Jwt.base64Url(bytes(48));
        refreshTokens.put(token, new RefreshGrant(tenant, clientId, user));
        return token;
    }

    RefreshGrant redeem(String refreshToken) {
        return refreshTokens.get(refreshToken);
    }

    private String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5t", keyId);
        header.put("kid", keyId);
        return Jwt.sign(header, claims, signingKey.getPrivate());
    }

    /** @throws InvalidTokenException if the token is not ours, is malformed, or has expired */
    public AccessTokenClaims verify(String token) throws InvalidTokenException {
        Jwt jwt;
        try {
            jwt = Jwt.parse(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("The token is malformed (" + e.getMessage() + ").");
        }
        if (!keyId.equals(jwt.header.path("kid").asText()) || !jwt.verifies(signingKey.getPublic())) {
            throw new InvalidTokenException("The token signature is not valid.");
        }
        JsonNode claims = jwt.payload;
        long now = Instant.now().getEpochSecond();
        if (claims.path("exp").asLong() <= now) {
            throw new InvalidTokenException("The token has expired.");
        }
        if (claims.path("nbf").asLong() > now + 300) {
            throw new InvalidTokenException("The token is not yet valid.");
        }
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.asText()));
        List<String> scopes = claims.hasNonNull("scp")
                ? Arrays.asList(claims.get("scp").asText().split(" "))
                : List.of();
        return new AccessTokenClaims(
                claims.path("tid").asText(),
                claims.path("appid").asText(),
                claims.path("aud").asText(),
                claims.hasNonNull("upn") ? claims.get("upn").asText() : null,
                claims.path("uti").asText(),
                Instant.ofEpochSecond(claims.path("exp").asLong()),
                List.copyOf(roles),
                List.copyOf(scopes));
    }

    /** The signing key as a JSON Web Key Set, so that clients may verify tokens themselves. */
    Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", keyId);
        jwk.put("x5t", keyId);
        jwk.put("n", Jwt.base64Url(unsigned(key.getModulus())));
        jwk.put("e", Jwt.base64Url(unsigned(key.getPublicExponent())));
        return Map.of("keys", List.of(jwk));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String thumbprint(byte[] encoded) {
        try {
            return Jwt.base64Url(
                    Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(encoded), 20));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
