package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import java.time.Clock;

/** Builds the token source for a sign-in method: the one place a new method is added. */
public final class TokenSources {

    private TokenSources() {}

    /** @param clock decides when a cached token is near expiry (and whether a certificate has expired) */
    public static TokenSource create(Credentials credentials, SignInTarget target, Clock clock) {
        return switch (credentials.method()) {
            case accessToken ->
                new SuppliedTokenSource(
                        credentials.accessToken() != null ? AccessToken.of(credentials.accessToken()) : null,
                        credentials.accessTokenProvider(),
                        target.scope(),
                        clock);
            case clientSecret ->
                new MsalAppTokenSource(
                        credentials.appId(),
                        ClientCredentialFactory.createFromSecret(credentials.clientSecret()),
                        false,
                        target,
                        clock);
            case certificate -> {
                CertificateCredentials loaded = CertificateCredentials.load(credentials, clock.instant());
                yield new MsalAppTokenSource(
                        credentials.appId(),
                        ClientCredentialFactory.createFromCertificateChain(loaded.key, loaded.chain),
                        true,
                        target,
                        clock);
            }
            case managedIdentity ->
                new ManagedIdentityTokenSource(credentials.managedIdentityAccountId(), target, clock);
            case deviceCode, credential, interactive -> new MsalUserTokenSource(credentials, target, clock);
        };
    }
}
