package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.IHttpClient;
import java.net.Proxy;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where and how to sign in: the authority (with tenant) and the service's token resource, plus the transport for
 * the identity provider.
 *
 * @param authority          e.g. {@code https://login.microsoftonline.com/contoso.onmicrosoft.com}
 * @param resource           the service's token resource, e.g. {@code https://outlook.office365.com}
 * @param customAuthority    the authority is no Microsoft login host (a simulator): msal4j must not ask Microsoft's
 *                           instance discovery about it
 * @param sslSocketFactory   trust for the identity provider's TLS; null = the JVM default
 * @param proxy              proxy for sign-in requests; null = none
 * @param httpClient         replaces msal4j's HTTP stack; null = msal4j's own
 */
public record SignInTarget(
        String authority,
        String resource,
        boolean customAuthority,
        SSLSocketFactory sslSocketFactory,
        Proxy proxy,
        IHttpClient httpClient) {

    /** The scope of the service's token, e.g. {@code https://outlook.office365.com/.default}. */
    public String scope() {
        return resource + "/.default";
    }
}
