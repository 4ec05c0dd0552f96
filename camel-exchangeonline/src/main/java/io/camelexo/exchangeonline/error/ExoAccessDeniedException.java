package io.camelexo.exchangeonline.error;

/** 403: the identity's RBAC role does not allow the cmdlet, or the cmdlet belongs to the other service. */
public class ExoAccessDeniedException extends ExoCmdletException {

    public ExoAccessDeniedException(String message, String errorCode, String requestId,
                                    String exceptionType, String cmdletMessage) {
        super(message, 403, errorCode, requestId, exceptionType, cmdletMessage, null);
    }
}
