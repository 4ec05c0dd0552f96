package io.camelexo.exchangeonline.error;

/** The service answered with a body the protocol does not promise: HTML, NUL bytes, plain text, truncated JSON. */
public class ExoProtocolException extends ExoException {

    public ExoProtocolException(String message, int statusCode, String requestId, Throwable cause) {
        super(message, statusCode, null, requestId, cause);
    }
}
