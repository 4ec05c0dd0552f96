package io.camelexo.exchangeonline.adminapi;

/** Where the client gets the bearer token for each attempt; implemented by the session over its token source. */
@FunctionalInterface
public interface TokenSupplier {

    /**
     * @param forceRefresh true after a 401: the cached token was refused, get a new one from the identity provider
     * @param claims       the claims a 401 challenge demands (continuous access evaluation, JSON), or null
     * @return the access token, without the "Bearer " prefix
     */
    String accessToken(boolean forceRefresh, String claims);
}
