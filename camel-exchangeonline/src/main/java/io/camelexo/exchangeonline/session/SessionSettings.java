package io.camelexo.exchangeonline.session;

import com.microsoft.aad.msal4j.IHttpClient;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.adminapi.ExoService;
import io.camelexo.exchangeonline.adminapi.SecureStringKey;
import io.camelexo.exchangeonline.auth.Credentials;
import io.camelexo.exchangeonline.auth.ExoAuthMethod;
import io.camelexo.exchangeonline.text.GivenText;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Everything that identifies a connection (cloud, service, tenant, credential) and the transport it uses, checked
 * when built: a tenant or authority the sign-in cannot do without is refused naming the option. An empty text counts
 * as not given. Endpoints whose settings have the same {@link #key()} share one session. {@link #toString()} leaves the secrets out.
 *
 * @param sslContext         trust for the Admin API and sign-in; null = the JVM's
 * @param proxy              HTTP proxy for both; null = none
 * @param identityHttpClient replaces msal4j's HTTP stack for sign-in; null = msal4j's own
 */
public record SessionSettings(
        ExoService service,
        ExoEnvironment environment,
        String connectionUri,
        String azureADAuthorizationEndpointUri,
        String organization,
        String delegatedOrganization,
        Credentials credentials,
        SSLContext sslContext,
        InetSocketAddress proxy,
        Duration connectTimeout,
        IHttpClient identityHttpClient,
        String secureStringPublicKey) {

    public SessionSettings {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        connectionUri = GivenText.identifier(connectionUri);
        azureADAuthorizationEndpointUri = GivenText.identifier(azureADAuthorizationEndpointUri);
        organization = GivenText.identifier(organization);
        delegatedOrganization = GivenText.identifier(delegatedOrganization);
        secureStringPublicKey = GivenText.identifier(secureStringPublicKey);
        ExoAuthMethod method = credentials.method();
        // the client credentials flow needs the tenant's own authority: .../organizations only serves user sign-in
        if (method.isAppOnly() && organization == null) {
            throw new IllegalArgumentException("auth=" + method + " signs in app-only and needs organization "
                    + "(the tenant's initial *.onmicrosoft.com domain or tenant id), as -Organization does");
        }
        if (method == ExoAuthMethod.accessToken
                && credentials.accessTokenProvider() != null
                && organization == null
                && delegatedOrganization == null) {
            throw new IllegalArgumentException("auth=accessToken with accessTokenProvider needs organization");
        }
        if (service == ExoService.COMPLIANCE
                && delegatedOrganization != null
                && azureADAuthorizationEndpointUri == null) {
            throw new IllegalArgumentException(
                    "scc with delegatedOrganization needs azureADAuthorizationEndpointUri, as Connect-IPPSSession "
                            + "does: https://" + environment.authorityHost() + "/" + delegatedOrganization);
        }
        if (secureStringPublicKey != null && SecureStringKey.find(secureStringPublicKey) == null) {
            throw new IllegalArgumentException(
                    "secureStringPublicKey must hold <RSAKeyValue><Modulus>...</Modulus><Exponent>...</Exponent></RSAKeyValue>");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "connectTimeout must be more than 0, got " + connectTimeout.toMillis() + " ms");
        }
    }

    /** The tenant the sign-in and the calls go to: the customer of a partner's delegated access, else the organization; null = from the token. */
    public String tenant() {
        return delegatedOrganization != null ? delegatedOrganization : organization;
    }

    /** The identity that decides session sharing: secrets enter only as a digest, supplied objects by identity. */
    SessionKey key() {
        List<Object> identity = new ArrayList<>(List.of(
                String.valueOf(service),
                String.valueOf(environment),
                String.valueOf(connectionUri),
                String.valueOf(azureADAuthorizationEndpointUri),
                String.valueOf(organization),
                String.valueOf(delegatedOrganization),
                String.valueOf(proxy),
                String.valueOf(connectTimeout),
                String.valueOf(secureStringPublicKey)));
        identity.addAll(credentials.identity());
        return new SessionKey(identity, sslContext, identityHttpClient);
    }

    /** Session identity; equal keys share a session. */
    record SessionKey(List<Object> identity, Object sslContext, Object identityHttpClient) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SessionKey key
                    && key.identity.equals(identity)
                    && key.sslContext == sslContext
                    && key.identityHttpClient == identityHttpClient;
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
