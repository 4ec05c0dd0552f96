package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.IHttpClient;

import javax.net.ssl.SSLSocketFactory;
import java.net.Proxy;

/**
 * What a token source needs: the method, the app, where to sign in, and the credential. {@link #toString()}
 * leaves the secrets out.
 *
 * @param authority           Entra authority URL with the tenant, e.g. {@code https://login.microsoftonline.com/contoso.onmicrosoft.com}
 * @param scope               the token scope, e.g. {@code https://outlook.office365.com/.default}
 * @param sslSocketFactory    trust for the identity provider's TLS; null = the JVM default
 * @param proxy               proxy for sign-in requests; null = none
 * @param identityHttpClient  replaces msal4j's HTTP stack (custom proxies, tests); null = msal4j's own
 * @param customAuthority     the authority is not a Microsoft login host (a simulator, a test): msal4j must not ask
 *                            Microsoft's instance discovery about it
 */
public record AuthSettings(ExoAuthMethod method, String appId, String authority, String scope,
                           String clientSecret, String certificateFilePath, String certificatePassword,
                           String accessToken, ExoAccessTokenProvider accessTokenProvider,
                           SSLSocketFactory sslSocketFactory, Proxy proxy, IHttpClient identityHttpClient,
                           boolean customAuthority) {

    @Override
    public String toString() {
        return "AuthSettings[method=" + method + ", appId=" + appId + ", authority=" + authority + ", scope=" + scope
                + ", certificateFilePath=" + certificateFilePath + "]";
    }
}
