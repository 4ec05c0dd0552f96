package io.camelexo.exchangeonline.auth;

import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import java.time.Clock;

/** {@code auth=accessToken}: a fixed token, or a provider bean asked again as its tokens near expiry. */
final class SuppliedTokenSource extends CachingTokenSource {

    private final AccessToken fixed;
    private final ExoAccessTokenProvider provider;
    private final String scope;

    SuppliedTokenSource(AccessToken fixed, ExoAccessTokenProvider provider, String scope, Clock clock) {
        super(clock);
        this.fixed = fixed;
        this.provider = provider;
        this.scope = scope;
    }

    @Override
    protected AccessToken acquire(boolean forceRefresh, String claims) {
        if (provider == null) {
            return fixed;
        }
        AccessToken token;
        try {
            token = provider.getAccessToken(scope, forceRefresh);
        } catch (RuntimeException e) {
            throw new ExoAuthenticationException("The accessTokenProvider failed: " + e.getMessage(), 0, null, null, e);
        }
        if (token == null) {
            throw new ExoAuthenticationException(
                    "The accessTokenProvider returned no token for scope " + scope, 0, null, null, null);
        }
        return token;
    }
}
