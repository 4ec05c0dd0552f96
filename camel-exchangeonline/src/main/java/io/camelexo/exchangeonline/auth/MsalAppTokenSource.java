package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;

import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * App-only sign-in (client secret or certificate) on msal4j's confidential client, whose in-memory token cache
 * serves repeated calls; {@link #clear()} builds a fresh application object, which drops that cache.
 */
final class MsalAppTokenSource extends CachingTokenSource {

    private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(2);

    private final Function<IClientCredential, ConfidentialClientApplication.Builder> builderFactory;
    private final IClientCredential credential;
    private final Set<String> scopes;
    private final boolean certificate;
    private ConfidentialClientApplication application;

    MsalAppTokenSource(String appId, IClientCredential credential, boolean certificate, String authority, String scope,
                       Function<ConfidentialClientApplication.Builder, ConfidentialClientApplication.Builder> transport, Clock clock) {
        super(clock);
        this.credential = credential;
        this.certificate = certificate;
        this.scopes = Set.of(scope);
        this.builderFactory = cred -> {
            try {
                return transport.apply(ConfidentialClientApplication.builder(appId, cred).authority(authority));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("azureADAuthorizationEndpointUri is not a valid authority URL: " + authority, e);
            }
        };
        this.application = builderFactory.apply(credential).build();
    }

    @Override
    protected AccessToken acquire(boolean forceRefresh) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(scopes).skipCache(forceRefresh).build();
        try {
            IAuthenticationResult result = currentApplication().acquireToken(parameters).get(SIGN_IN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
        } catch (ExecutionException e) {
            throw signInFailure(e.getCause() != null ? e.getCause() : e);
        } catch (TimeoutException e) {
            throw new ExoAuthenticationException("Sign-in did not complete within " + SIGN_IN_TIMEOUT.toSeconds() + " s", 0, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExoAuthenticationException("Sign-in was interrupted", 0, null, null, e);
        } catch (MsalException e) {
            throw signInFailure(e);
        }
    }

    private synchronized ConfidentialClientApplication currentApplication() {
        return application;
    }

    @Override
    protected synchronized void dropCaches() {
        application = builderFactory.apply(credential).build();
    }

    @Override
    public boolean isCertificateAuthentication() {
        return certificate;
    }

    static ExoAuthenticationException signInFailure(Throwable cause) {
        String text = cause.getMessage();
        String code = AadErrors.code(text);
        String meaning = AadErrors.meaning(code);
        int status = cause instanceof MsalServiceException service && service.statusCode() != null ? service.statusCode() : 0;
        String summary = text == null ? cause.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
        return new ExoAuthenticationException("Sign-in to Entra ID failed" + (meaning != null ? ": " + meaning : "")
                + " (" + summary + ")", status, code, null, cause);
    }
}
