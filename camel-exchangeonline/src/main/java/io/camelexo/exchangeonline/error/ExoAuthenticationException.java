package io.camelexo.exchangeonline.error;

/** Sign-in failed (the error code is the AADSTS code when Entra gave one), or the service kept answering 401. */
public class ExoAuthenticationException extends ExoException {

    public ExoAuthenticationException(
            String message, int statusCode, String errorCode, String requestId, Throwable cause) {
        super(message, statusCode, errorCode, requestId, cause);
    }
}
