package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code auth=managedIdentity}: the Azure resource's identity (IMDS, App Service, Arc... as msal4j detects from the
 * environment), system-assigned, or user-assigned by client id or resource id ({@code managedIdentityAccountId}).
 */
final class ManagedIdentityTokenSource extends CachingTokenSource {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ManagedIdentityApplication application;
    private final String resource;
    private boolean skipCacheOnce;

    ManagedIdentityTokenSource(String accountId, SignInTarget target, Clock clock) {
        super(clock);
        ManagedIdentityId id = accountId == null
                ? ManagedIdentityId.systemAssigned()
                : accountId.startsWith("/subscriptions/")
                        ? ManagedIdentityId.userAssignedResourceId(accountId)
                        : ManagedIdentityId.userAssignedClientId(accountId);
        this.application = MsalApplications.transport(ManagedIdentityApplication.builder(id), target)
                .build();
        this.resource = target.resource();
    }

    @Override
    protected synchronized AccessToken acquire(boolean forceRefresh, String claims) {
        // msal4j keeps one managed-identity cache per JVM: after Disconnect only forceRefresh gets past it
        ManagedIdentityParameters parameters = ManagedIdentityParameters.builder(resource)
                .forceRefresh(forceRefresh || skipCacheOnce)
                .build();
        CompletableFuture<IAuthenticationResult> pending;
        try {
            pending = application.acquireTokenForManagedIdentity(parameters);
        } catch (Exception e) {
            throw MsalFailures.signInFailure("Managed identity sign-in", e);
        }
        IAuthenticationResult result = MsalFailures.await(pending, TIMEOUT, "Managed identity sign-in");
        skipCacheOnce = false;
        return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
    }

    @Override
    protected synchronized void dropCaches() {
        skipCacheOnce = true;
    }
}
