package io.camelexo.exchangeonline.error;

import java.util.List;

/** The cmdlet ran (or was validated) and failed: an error envelope, or {@code @adminapi.errors} on a 200. */
public class ExoCmdletException extends ExoException {

    private final String exceptionType;
    private final String cmdletMessage;
    private final transient List<Object> records;

    public ExoCmdletException(
            String message,
            int statusCode,
            String errorCode,
            String requestId,
            String exceptionType,
            String cmdletMessage,
            List<Object> records) {
        super(message, statusCode, errorCode, requestId, null);
        this.exceptionType = exceptionType;
        this.cmdletMessage = cmdletMessage;
        this.records = records == null ? List.of() : List.copyOf(records);
    }

    /** The same failure, carrying the records read before it (a List result cut short by {@code @adminapi.errors}). */
    public ExoCmdletException withRecords(List<Object> readRecords) {
        ExoCmdletException withRecords = new ExoCmdletException(
                getMessage(),
                getStatusCode(),
                getErrorCode(),
                getRequestId(),
                exceptionType,
                cmdletMessage,
                readRecords);
        withRecords.setStackTrace(getStackTrace());
        return withRecords;
    }

    /** Short name of the server-side exception, e.g. {@code ManagementObjectNotFoundException}; null if unknown. */
    public String getExceptionType() {
        return exceptionType;
    }

    /** The cmdlet's own error text, as PowerShell would print it. */
    public String getCmdletMessage() {
        return cmdletMessage;
    }

    /** Records the call returned before the error was reported (partial success), as the body would have held them. */
    public List<Object> getRecords() {
        return records;
    }
}
