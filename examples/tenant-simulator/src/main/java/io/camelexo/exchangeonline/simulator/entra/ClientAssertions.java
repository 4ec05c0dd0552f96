package io.camelexo.exchangeonline.simulator.entra;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an msal4j client assertion the way Entra does: RS256 over header.payload with a
 * certificate registered on the app, found by {@code x5t#S256} (msal4j sends it in standard Base64 with padding, so
 * both alphabets are accepted) or {@code x5t}; {@code iss} = {@code sub} = client id; {@code aud} = the token
 * endpoint the client configured; {@code exp} in the future.
 */
final class ClientAssertions {

    /** Login hosts whose token endpoints an assertion may name besides the simulator's own (a routing client keeps the real host). */
    private static final Set<String> MICROSOFT_LOGIN_HOSTS = Set.of(
            "login.microsoftonline.com",
            "login.microsoftonline.us",
            "login.chinacloudapi.cn",
            "login.partner.microsoftonline.cn",
            "login.microsoftonline.de",
            "login.windows.net",
            "login.microsoft.com",
            "sts.windows.net");

    /** Why an assertion was refused: the AADSTS number and its text. */
    record Rejection(int code, String description) {}

    private ClientAssertions() {}

    /** Null if the assertion is good, else why not. */
    static Rejection check(
            String assertion, Directory.App app, String clientId, String requestHost, String requestPath) {
        Jwt jwt;
        try {
            jwt = Jwt.parse(assertion);
        } catch (IllegalArgumentException e) {
            return new Rejection(50027, "JWT token is invalid or malformed.");
        }
        X509Certificate certificate = registeredCertificate(jwt, app);
        if (certificate == null) {
            return new Rejection(
                    700027,
                    "The certificate with identifier used to sign the client assertion is not registered on application. "
                            + "[Reason - The key was not found., Thumbprint of key used by client: '"
                            + jwt.header
                                    .path("x5t#S256")
                                    .asText(jwt.header.path("x5t").asText()) + "']");
        }
        if (!jwt.verifies(certificate.getPublicKey())) {
            return new Rejection(700027, "Client assertion failed signature validation.");
        }
        if (!clientId.equals(jwt.payload.path("iss").asText())
                || !clientId.equals(jwt.payload.path("sub").asText())) {
            return new Rejection(
                    700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }
        if (!audienceMatches(jwt.payload.path("aud").asText(), requestHost, requestPath)) {
            return new Rejection(
                    700016,
                    "The audience claim '" + jwt.payload.path("aud").asText() + "' of the client assertion is not "
                            + "the token endpoint of this tenant.");
        }
        long now = Instant.now().getEpochSecond();
        if (jwt.payload.path("exp").asLong() <= now || jwt.payload.path("nbf").asLong(0) > now + 300) {
            return new Rejection(700024, "Client assertion is not within its valid time range.");
        }
        return null;
    }

    private static X509Certificate registeredCertificate(Jwt jwt, Directory.App app) {
        byte[] sha256 = lenientBase64(jwt.header.path("x5t#S256").asText(null));
        byte[] sha1 = lenientBase64(jwt.header.path("x5t").asText(null));
        for (X509Certificate certificate : app.certificates) {
            if ((sha256 != null && MessageDigest.isEqual(sha256, digest("SHA-256", certificate)))
                    || (sha1 != null && MessageDigest.isEqual(sha1, digest("SHA-1", certificate)))) {
                return certificate;
            }
        }
        return null;
    }

    /** aud is an https URL whose path is the requested one and whose host is the one called or a Microsoft login host. */
    private static boolean audienceMatches(String audience, String requestHost, String requestPath) {
        try {
            URI uri = URI.create(audience);
            String host = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
            boolean knownHost = requestHost.equalsIgnoreCase(host)
                    || MICROSOFT_LOGIN_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
            return "https".equals(uri.getScheme()) && knownHost && requestPath.equalsIgnoreCase(uri.getRawPath());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static byte[] lenientBase64(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String standard = text.strip().replace('-', '+').replace('_', '/').replace("=", "");
        try {
            return Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] digest(String algorithm, X509Certificate certificate) {
        try {
            return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
