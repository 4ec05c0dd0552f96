package io.camelexo.exchangeonline.session;

import com.microsoft.aad.msal4j.IHttpClient;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.adminapi.ExoService;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.auth.ExoAuthMethod;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Everything that identifies a connection (cloud, service, tenant, app, credential) and the transport it uses.
 * Endpoints whose settings are equal share one session. {@link #toString()} leaves the secrets out.
 */
public record SessionSettings(ExoService service, ExoEnvironment environment, String connectionUri,
                              String azureADAuthorizationEndpointUri, String organization, String delegatedOrganization,
                              ExoAuthMethod auth, String appId,
                              String clientSecret, String certificateFilePath, String certificatePassword,
                              String accessToken, ExoAccessTokenProvider accessTokenProvider,
                              SSLContext sslContext, InetSocketAddress proxy, Duration connectTimeout,
                              IHttpClient identityHttpClient) {

    /** The identity that decides session sharing; secrets enter only as a digest, objects by identity. */
    SessionKey key() {
        return new SessionKey(List.of(String.valueOf(service), String.valueOf(environment), String.valueOf(connectionUri),
                String.valueOf(azureADAuthorizationEndpointUri), String.valueOf(organization), String.valueOf(delegatedOrganization),
                String.valueOf(auth), String.valueOf(appId), String.valueOf(certificateFilePath), String.valueOf(proxy),
                String.valueOf(connectTimeout)),
                digest(clientSecret, certificatePassword, accessToken),
                Arrays.asList(accessTokenProvider, sslContext, identityHttpClient));
    }

    private static String digest(String... secrets) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String secret : secrets) {
                sha256.update(String.valueOf(secret).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Session identity; equal keys share a session. Beans compare by identity. Prints without the secret digest. */
    record SessionKey(List<String> identity, String secretDigest, List<Object> beans) {
        @Override
        public String toString() {
            return "SessionKey" + identity;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SessionKey key && key.identity.equals(identity)
                    && key.secretDigest.equals(secretDigest) && sameBeans(key.beans, beans);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identity, secretDigest);
        }

        private static boolean sameBeans(List<Object> a, List<Object> b) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return "SessionSettings[service=" + service + ", environment=" + environment + ", organization=" + organization
                + ", delegatedOrganization=" + delegatedOrganization + ", auth=" + auth + ", appId=" + appId + "]";
    }
}
