package io.camelexo.exchangeonline.session;

import com.microsoft.aad.msal4j.IHttpClient;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.adminapi.ExoService;
import io.camelexo.exchangeonline.auth.Credentials;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that identifies a connection (cloud, service, tenant, credential) and the transport it uses.
 * Endpoints whose settings are equal share one session. {@link #toString()} leaves the secrets out.
 */
public record SessionSettings(ExoService service, ExoEnvironment environment, String connectionUri,
                              String azureADAuthorizationEndpointUri, String organization, String delegatedOrganization,
                              Credentials credentials, SSLContext sslContext, InetSocketAddress proxy, Duration connectTimeout,
                              IHttpClient identityHttpClient, String secureStringPublicKey) {

    /** The identity that decides session sharing: secrets enter only as a digest, supplied objects by identity. */
    SessionKey key() {
        List<Object> identity = new ArrayList<>(List.of(String.valueOf(service), String.valueOf(environment), String.valueOf(connectionUri),
                String.valueOf(azureADAuthorizationEndpointUri), String.valueOf(organization), String.valueOf(delegatedOrganization),
                String.valueOf(proxy), String.valueOf(connectTimeout), String.valueOf(secureStringPublicKey)));
        identity.addAll(credentials.identity());
        return new SessionKey(identity, sslContext, identityHttpClient);
    }

    /** Session identity; equal keys share a session. */
    record SessionKey(List<Object> identity, Object sslContext, Object identityHttpClient) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SessionKey key && key.identity.equals(identity)
                    && key.sslContext == sslContext && key.identityHttpClient == identityHttpClient;
        }

        @Override
        public int hashCode() {
            return identity.hashCode();
        }
    }

    @Override
    public String toString() {
        return "SessionSettings[service=" + service + ", environment=" + environment + ", organization=" + organization
                + ", delegatedOrganization=" + delegatedOrganization + ", " + credentials + "]";
    }
}
