package io.camelexo.exchangeonline.auth;

/** Where a session's tokens come from: one implementation per sign-in method. Thread-safe. */
public interface TokenSource {

    /**
     * A token valid for a while yet; signs in or refreshes when needed.
     *
     * @param forceRefresh the service refused the current token: get a new one from the identity provider
     * @param claims       the claims a 401 challenge asked for (continuous access evaluation), or null
     * @throws io.camelexo.exchangeonline.error.ExoAuthenticationException when sign-in fails
     */
    AccessToken token(boolean forceRefresh, String claims);

    /**
     * How many tokens this source has obtained from its sign-in method so far (a first sign-in, a refresh, a new token
     * after a refusal); a token that comes back unchanged does not count.
     */
    long signIns();

    /** The token last handed out, without signing in; null when there is none. */
    AccessToken currentToken();

    /** Drops every cached token ({@code Disconnect-ExchangeOnline}), the persistent cache too; the next {@link #token} signs in again. */
    void clear();

    /** Forgets the tokens held in memory when the session ends; a persistent token cache stays for the next start. */
    void release();

    /** Whether the identity signs in with a certificate ({@code CertificateAuthentication}). */
    default boolean isCertificateAuthentication() {
        return false;
    }

    /** What sign-in is waiting for a person to do (a device code to enter), or null. */
    default String pendingInteraction() {
        return null;
    }
}
