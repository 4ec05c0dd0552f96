package io.camelexo.exchangeonline.adminapi;

import java.time.Duration;

/**
 * Per-endpoint transport choices for one call, so endpoints that share a session may still differ in them.
 *
 * @param retryPolicy    what is retried and how long to wait
 * @param requestTimeout how long one HTTP attempt may take (the module allows 960 s)
 * @param sendAnchor     false for {@code bypassMailboxAnchoring}: no X-AnchorMailbox header
 */
public record CallOptions(RetryPolicy retryPolicy, Duration requestTimeout, boolean sendAnchor) {

    public CallOptions {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "requestTimeout must be more than 0, got " + requestTimeout.toMillis() + " ms");
        }
    }
}
