package io.camelexo.exchangeonline.adminapi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed attempt is sent again, and after how long (docs/admin-api.md, "Retries and throttling"). A read
 * cmdlet is retried on 408, 429, 5xx, the concurrency rejection and transient exception names. A write is re-sent
 * only when the service certainly did not run it: 429 and the concurrency rejection (rejected before execution);
 * never after a timeout or a 5xx, where it may have run. (401 is handled by the client: refresh the token, then
 * once more.)
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;

    /**
     * @param maxRetries   retries after the first attempt (the module does 5)
     * @param initialDelay backoff before the first retry when the service gives no Retry-After; doubled each time
     * @param maxDelay     cap for both the backoff and a Retry-After the service asks for
     */
    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retryInitialDelay and retryMaxDelay must be 0 or more, got "
                    + initialDelay.toMillis() + " and " + maxDelay.toMillis() + " ms");
        }
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    public int maxRetries() {
        return maxRetries;
    }

    boolean shouldRetry(ServiceError error, boolean readCmdlet, int retriesDone) {
        if (retriesDone >= maxRetries) {
            return false;
        }
        if (error.isThrottling()) {
            return true;
        }
        if (!readCmdlet) {
            return false;
        }
        int status = error.status();
        return status == 408 || status >= 500 || error.namesTransientException();
    }

    /** A transport failure (timeout, reset): only reads are repeated, unless the request never left. */
    boolean shouldRetryTransport(boolean readCmdlet, boolean requestNeverSent, int retriesDone) {
        return retriesDone < maxRetries && (readCmdlet || requestNeverSent);
    }

    /** Retry-After when given (capped), else exponential backoff with full jitter over the upper half. */
    Duration delay(Duration retryAfter, int retriesDone) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long base = initialDelay.toMillis() << Math.min(retriesDone, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
