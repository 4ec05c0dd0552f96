package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.AbstractApplicationBase;
import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import java.net.MalformedURLException;
import java.net.URI;

/** The settings every msal4j client application of a session shares: authority, transport, instance discovery. */
final class MsalApplications {

    private MsalApplications() {}

    static <B extends AbstractClientApplicationBase.Builder<B>> B configure(B builder, SignInTarget target) {
        try {
            builder.authority(target.authority());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "azureADAuthorizationEndpointUri is not a valid authority URL: " + target.authority(), e);
        }
        transport(builder, target);
        if (target.customAuthority()) {
            builder.instanceDiscovery(false).aadInstanceDiscoveryResponse(localInstanceMetadata(target.authority()));
        }
        return builder;
    }

    /** HTTP client, TLS trust and proxy; for every msal4j application, managed identity included. */
    static <B extends AbstractApplicationBase.Builder<B>> B transport(B builder, SignInTarget target) {
        if (target.httpClient() != null) {
            builder.httpClient(target.httpClient());
        }
        if (target.sslSocketFactory() != null) {
            builder.sslSocketFactory(target.sslSocketFactory());
        }
        if (target.proxy() != null) {
            builder.proxy(target.proxy());
        }
        return builder;
    }

    /**
     * Instance metadata for an authority msal4j does not know. Listing host:port as an alias and cache key works
     * around msal4j dropping the port, which would otherwise break token caching and refresh.
     */
    static String localInstanceMetadata(String authority) {
        URI uri = URI.create(authority);
        String host = uri.getHost();
        String hostAndPort = uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        return "{\"tenant_discovery_endpoint\":\"" + authority.replaceAll("/+$", "")
                + "/v2.0/.well-known/openid-configuration\","
                + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"" + host + "\",\"preferred_cache\":\""
                + hostAndPort + "\",\"aliases\":[\"" + host + "\",\"" + hostAndPort + "\"]}]}";
    }
}
