package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;

import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

/** Builds the token source for a sign-in method: the one place a new method is added. */
public final class TokenSources {

    private TokenSources() {
    }

    public static TokenSource create(AuthSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    static TokenSource create(AuthSettings settings, Clock clock) {
        return switch (settings.method()) {
            case accessToken -> new SuppliedTokenSource(
                    settings.accessToken() != null ? AccessToken.of(settings.accessToken()) : null,
                    settings.accessTokenProvider(), settings.scope(), clock);
            case clientSecret -> new MsalAppTokenSource(settings.appId(), ClientCredentialFactory.createFromSecret(settings.clientSecret()),
                    false, settings.authority(), settings.scope(), transport(settings), clock);
            case certificate -> {
                CertificateCredentials loaded = CertificateCredentials.fromPkcs12(settings.certificateFilePath(),
                        settings.certificatePassword(), clock.instant());
                IClientCredential credential = ClientCredentialFactory.createFromCertificate(loaded.key, loaded.certificate);
                yield new MsalAppTokenSource(settings.appId(), credential, true, settings.authority(), settings.scope(), transport(settings), clock);
            }
        };
    }

    /**
     * Instance metadata for an authority msal4j does not know. Listing host:port as an alias and cache key works
     * around msal4j dropping the port, which would otherwise break token caching and refresh (msal4j-testing 1.3 B).
     */
    static String localInstanceMetadata(String authority) {
        URI uri = URI.create(authority);
        String host = uri.getHost();
        String hostAndPort = uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        return "{\"tenant_discovery_endpoint\":\"" + authority.replaceAll("/+$", "") + "/v2.0/.well-known/openid-configuration\","
                + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"" + host + "\",\"preferred_cache\":\""
                + hostAndPort + "\",\"aliases\":[\"" + host + "\",\"" + hostAndPort + "\"]}]}";
    }

    /** Proxy, TLS trust and HTTP client for msal4j, from the endpoint's transport options. */
    private static Function<ConfidentialClientApplication.Builder, ConfidentialClientApplication.Builder> transport(AuthSettings settings) {
        return builder -> {
            if (settings.identityHttpClient() != null) {
                builder.httpClient(settings.identityHttpClient());
            }
            if (settings.sslSocketFactory() != null) {
                builder.sslSocketFactory(settings.sslSocketFactory());
            }
            if (settings.proxy() != null) {
                builder.proxy(settings.proxy());
            }
            if (settings.customAuthority()) {
                builder.instanceDiscovery(false).aadInstanceDiscoveryResponse(localInstanceMetadata(settings.authority()));
            }
            return builder;
        };
    }
}
