package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.ClaimsRequest;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * App-only sign-in (client secret or certificate) on msal4j's confidential client, whose in-memory token cache
 * serves repeated calls; {@link #clear()} builds a fresh application object, which drops that cache.
 */
final class MsalAppTokenSource extends CachingTokenSource {

    private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(2);

    private final Supplier<ConfidentialClientApplication> applications;
    private final Set<String> scopes;
    private final boolean certificate;
    private ConfidentialClientApplication application;

    MsalAppTokenSource(
            String appId, IClientCredential credential, boolean certificate, SignInTarget target, Clock clock) {
        super(clock);
        this.certificate = certificate;
        this.scopes = Set.of(target.scope());
        this.applications =
                () -> MsalApplications.configure(ConfidentialClientApplication.builder(appId, credential), target)
                        .build();
        this.application = applications.get();
    }

    @Override
    protected AccessToken acquire(boolean forceRefresh, String claims) {
        ClientCredentialParameters.ClientCredentialParametersBuilder parameters =
                ClientCredentialParameters.builder(scopes).skipCache(forceRefresh);
        if (claims != null) {
            parameters.claims(ClaimsRequest.formatAsClaimsRequest(claims));
        }
        IAuthenticationResult result = MsalFailures.await(
                currentApplication().acquireToken(parameters.build()), SIGN_IN_TIMEOUT, "Sign-in to Entra ID");
        return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
    }

    private synchronized ConfidentialClientApplication currentApplication() {
        return application;
    }

    @Override
    protected synchronized void dropCaches() {
        application = applications.get();
    }

    @Override
    public boolean isCertificateAuthentication() {
        return certificate;
    }
}
