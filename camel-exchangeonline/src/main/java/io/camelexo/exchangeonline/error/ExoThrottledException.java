package io.camelexo.exchangeonline.error;

import java.time.Duration;

/** The service still throttled the call after every permitted retry. */
public class ExoThrottledException extends ExoException {

    private final Duration retryAfter;

    public ExoThrottledException(String message, int statusCode, String requestId, Duration retryAfter) {
        super(message, statusCode, "TooManyRequests", requestId, null);
        this.retryAfter = retryAfter;
    }

    /** Throttling passes: yes. */
    @Override
    public boolean isTransient() {
        return true;
    }

    /** The wait the service asked for in its last answer; null when it gave none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
