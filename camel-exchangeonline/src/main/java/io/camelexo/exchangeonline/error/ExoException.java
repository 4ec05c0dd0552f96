package io.camelexo.exchangeonline.error;

import java.io.IOException;

/**
 * Base of every failure the component reports. Unchecked, so routes handle it with onException like any other.
 * Messages never contain a secret or a token.
 */
public class ExoException extends RuntimeException {

    private final int statusCode;
    private final String errorCode;
    private final String requestId;

    public ExoException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    public ExoException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    /** HTTP status of the failed response; 0 when no response was received. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The service's error code ({@code error.code}, e.g. {@code NotFound}) or the AADSTS code for sign-in failures. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The client-request-id of the call, the value Microsoft support asks for. */
    public String getRequestId() {
        return requestId;
    }

    /**
     * Whether the same call may well succeed later: a 408 or 5xx answer, no answer at all (an I/O failure), or
     * throttling that outlasted the component's retries. The component has already re-sent what it safely could (it
     * never re-sends a write that may have run); a route may run the call again when the operation is idempotent.
     */
    public boolean isTransient() {
        return statusCode == 408 || statusCode >= 500 || statusCode == 0 && getCause() instanceof IOException;
    }
}
