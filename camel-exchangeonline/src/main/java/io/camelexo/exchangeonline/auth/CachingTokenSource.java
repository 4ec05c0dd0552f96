package io.camelexo.exchangeonline.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the last token until it is within {@link #REFRESH_MARGIN} of expiry, so that a call (or the next page of a
 * long stream) never goes out with a token about to lapse; subclasses only acquire.
 */
abstract class CachingTokenSource implements TokenSource {

    /** Refresh this long before expiry: clock skew plus the longest single page request. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final Clock clock;
    /** Volatile: read without the lock, which a sign-in holds while it waits for a person (device code). */
    private volatile AccessToken cached;

    private final AtomicLong signIns = new AtomicLong();

    CachingTokenSource(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized AccessToken token(boolean forceRefresh, String claims) {
        boolean force = forceRefresh || claims != null;
        if (force || cached == null || cached.expiresWithin(REFRESH_MARGIN, clock.instant())) {
            AccessToken acquired = acquire(force, claims);
            if (!acquired.equals(cached)) {
                signIns.incrementAndGet();
            }
            cached = acquired;
        }
        return cached;
    }

    @Override
    public long signIns() {
        return signIns.get();
    }

    @Override
    public AccessToken currentToken() {
        return cached;
    }

    @Override
    public synchronized void clear() {
        cached = null;
        dropCaches();
    }

    @Override
    public synchronized void release() {
        cached = null;
    }

    /** Gets a token from the identity provider (or its cache, unless forceRefresh). */
    protected abstract AccessToken acquire(boolean forceRefresh, String claims);

    /** Forget whatever the identity library caches. */
    protected void dropCaches() {}
}
