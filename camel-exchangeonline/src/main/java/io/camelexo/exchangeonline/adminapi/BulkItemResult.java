package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoException;
import java.util.List;
import java.util.Map;

/**
 * What one item of a bulk call came to: its records and warnings, and its failure, if any (records read before a
 * failure stay).
 */
public record BulkItemResult(List<Map<String, Object>> records, List<String> warnings, Failure failure) {

    public BulkItemResult {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }

    static BulkItemResult failed(Failure failure) {
        return new BulkItemResult(List.of(), List.of(), failure);
    }

    /**
     * Why an item failed.
     *
     * @param exceptionType  the service's exception type when it named one (e.g. ManagementObjectNotFoundException),
     *                       else the component's exception class (e.g. ExoThrottledException)
     * @param message        what happened, with the item's client-request-id
     * @param statusCode     the item's HTTP status; 0 when no answer came
     * @param errorCode      the service's error code (e.g. NotFound), or null
     * @param requestId      the item's client-request-id
     * @param outcomeUnknown a write whose answer leaves open whether it ran: it was not sent again
     */
    public record Failure(
            String exceptionType,
            String message,
            int statusCode,
            String errorCode,
            String requestId,
            boolean outcomeUnknown) {

        /** The failure as the exception states it; {@code write} says whether an ambiguous answer leaves it open. */
        public static Failure of(ExoException failure, boolean write) {
            return of(
                    failure, failure.getMessage(), failure.getRequestId(), write && AdminApiClient.mayHaveRun(failure));
        }

        static Failure of(ExoException failure, String message, String requestId, boolean outcomeUnknown) {
            String type = failure instanceof ExoCmdletException cmdlet && cmdlet.getExceptionType() != null
                    ? cmdlet.getExceptionType()
                    : failure.getClass().getSimpleName();
            return new Failure(
                    type, message, failure.getStatusCode(), failure.getErrorCode(), requestId, outcomeUnknown);
        }
    }
}
