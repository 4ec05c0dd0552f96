package io.camelexo.exchangeonline.error;

/** 403: the identity's RBAC role does not allow the cmdlet, or the cmdlet belongs to the other service. */
public class ExoAccessDeniedException extends ExoCmdletException {

    public ExoAccessDeniedException(
            String message, String errorCode, String requestId, String exceptionType, String cmdletMessage) {
        this(message, errorCode, requestId, exceptionType, cmdletMessage, null);
    }

    private ExoAccessDeniedException(
            String message,
            String errorCode,
            String requestId,
            String exceptionType,
            String cmdletMessage,
            java.util.List<Object> records) {
        super(message, 403, errorCode, requestId, exceptionType, cmdletMessage, records);
    }

    @Override
    public ExoAccessDeniedException withRecords(java.util.List<Object> readRecords) {
        ExoAccessDeniedException withRecords = new ExoAccessDeniedException(
                getMessage(), getErrorCode(), getRequestId(), getExceptionType(), getCmdletMessage(), readRecords);
        withRecords.setStackTrace(getStackTrace());
        return withRecords;
    }
}
