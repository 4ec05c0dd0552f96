package io.camelexo.exchangeonline.auth;

/**
 * Supplies access tokens obtained elsewhere (a vault, a sidecar, another library) — the {@code -AccessToken}
 * habit of the module, for tokens that change. Called at sign-in, again when the last token is within five minutes
 * of expiry, and with {@code forceRefresh} after the service refused a token.
 */
@FunctionalInterface
public interface ExoAccessTokenProvider {

    /**
     * @param scope        the scope the token must carry, e.g. {@code https://outlook.office365.com/.default}
     * @param forceRefresh true when the previous token was refused: do not return it again
     */
    AccessToken getAccessToken(String scope, boolean forceRefresh);
}
