package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.ClaimsRequest;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delegated sign-in (device code, user name and password, browser) on msal4j's public client. After the first
 * sign-in, tokens are refreshed silently with the account's refresh token; only when that is impossible (expired
 * refresh token, new MFA requirement) does the flow ask the person again.
 */
final class MsalUserTokenSource extends CachingTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(MsalUserTokenSource.class);
    private static final Duration SILENT_TIMEOUT = Duration.ofMinutes(2);

    private final Credentials credentials;
    private final Set<String> scopes;
    private final Supplier<PublicClientApplication> applications;
    private final TokenCacheFile cacheFile;
    private PublicClientApplication application;
    private volatile String pendingInteraction;

    MsalUserTokenSource(Credentials credentials, SignInTarget target, Clock clock) {
        super(clock);
        this.credentials = credentials;
        this.scopes = Set.of(target.scope());
        this.cacheFile = credentials.tokenCacheFile() != null ? new TokenCacheFile(credentials.tokenCacheFile()) : null;
        this.applications = () -> {
            PublicClientApplication.Builder builder =
                    MsalApplications.configure(PublicClientApplication.builder(credentials.appId()), target);
            if (cacheFile != null) {
                builder.setTokenCacheAccessAspect(cacheFile);
            }
            return builder.build();
        };
        this.application = applications.get();
    }

    @Override
    protected AccessToken acquire(boolean forceRefresh, String claims) {
        PublicClientApplication app = currentApplication();
        IAccount account = account(app);
        if (account != null) {
            SilentParameters.SilentParametersBuilder silent =
                    SilentParameters.builder(scopes, account).forceRefresh(forceRefresh);
            if (claims != null) {
                silent.claims(ClaimsRequest.formatAsClaimsRequest(claims));
            }
            try {
                return token(app.acquireTokenSilently(silent.build()).join());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("azureADAuthorizationEndpointUri is not a valid authority URL", e);
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof MsalInteractionRequiredException)) {
                    throw MsalFailures.signInFailure("Silent token refresh", e.getCause() != null ? e.getCause() : e);
                }
                LOG.warn(
                        "The signed-in account needs to sign in again ({}); starting {} sign-in",
                        e.getCause().getMessage(),
                        credentials.method());
            }
        }
        return token(signIn(app, claims));
    }

    private IAuthenticationResult signIn(PublicClientApplication app, String claims) {
        ClaimsRequest claimsRequest = claims == null ? null : ClaimsRequest.formatAsClaimsRequest(claims);
        return switch (credentials.method()) {
            case deviceCode -> {
                DeviceCodeFlowParameters.DeviceCodeFlowParametersBuilder parameters =
                        DeviceCodeFlowParameters.builder(scopes, code -> {
                            pendingInteraction = "waiting for device login: enter code " + code.userCode() + " at "
                                    + code.verificationUri();
                            LOG.warn(
                                    "Device login for {}: {}",
                                    credentials.userPrincipalName() != null
                                            ? credentials.userPrincipalName()
                                            : "Exchange Online",
                                    code.message());
                            if (credentials.deviceCodeListener() != null) {
                                credentials
                                        .deviceCodeListener()
                                        .onDeviceCode(code.userCode(), code.verificationUri(), code.message());
                            }
                        });
                if (claimsRequest != null) {
                    parameters.claims(claimsRequest);
                }
                try {
                    yield MsalFailures.await(
                            app.acquireToken(parameters.build()), credentials.signInTimeout(), "Device code sign-in");
                } finally {
                    pendingInteraction = null;
                }
            }
            case credential -> {
                @SuppressWarnings("deprecation")
                UserNamePasswordParameters.UserNamePasswordParametersBuilder parameters =
                        UserNamePasswordParameters.builder(
                                scopes,
                                credentials.userPrincipalName(),
                                credentials.password().toCharArray());
                if (claimsRequest != null) {
                    parameters.claims(claimsRequest);
                }
                @SuppressWarnings("deprecation")
                CompletableFuture<IAuthenticationResult> future = app.acquireToken(parameters.build());
                yield MsalFailures.await(future, SILENT_TIMEOUT, "User name and password sign-in");
            }
            case interactive -> {
                InteractiveRequestParameters.InteractiveRequestParametersBuilder parameters =
                        InteractiveRequestParameters.builder(URI.create("http://localhost"))
                                .scopes(scopes);
                if (credentials.userPrincipalName() != null) {
                    parameters.loginHint(credentials.userPrincipalName());
                }
                if (credentials.browser() != null) {
                    parameters.systemBrowserOptions(SystemBrowserOptions.builder()
                            .openBrowserAction(credentials.browser())
                            .build());
                }
                if (claimsRequest != null) {
                    parameters.claims(claimsRequest);
                }
                pendingInteraction = "waiting for browser sign-in";
                try {
                    yield MsalFailures.await(
                            app.acquireToken(parameters.build()), credentials.signInTimeout(), "Browser sign-in");
                } finally {
                    pendingInteraction = null;
                }
            }
            default -> throw new IllegalStateException(credentials.method() + " is not a delegated sign-in");
        };
    }

    /** The cached account: the configured user's when a user principal name is given, else the only one. */
    private IAccount account(PublicClientApplication app) {
        Set<IAccount> accounts = MsalFailures.await(app.getAccounts(), SILENT_TIMEOUT, "Reading the token cache");
        String wanted = credentials.userPrincipalName();
        return accounts.stream()
                .filter(a -> wanted == null || wanted.equalsIgnoreCase(a.username()))
                .findFirst()
                .orElse(null);
    }

    private static AccessToken token(IAuthenticationResult result) {
        if (result == null) {
            throw new ExoAuthenticationException("Sign-in returned no token", 0, null, null, null);
        }
        return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
    }

    private synchronized PublicClientApplication currentApplication() {
        return application;
    }

    @Override
    protected synchronized void dropCaches() {
        if (cacheFile != null) {
            cacheFile.delete();
        }
        application = applications.get();
    }

    @Override
    public String pendingInteraction() {
        return pendingInteraction;
    }
}
