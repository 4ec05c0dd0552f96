package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.error.ExoAccessDeniedException;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import io.camelexo.exchangeonline.error.ExoThrottledException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-2xx answer decoded into what a caller needs: the cmdlet's error (from all three
 * {@code details[0].message} formats, docs/admin-api.md, "Errors"), or a description of a body that is no envelope at all
 * (HTML, NUL bytes, empty, plain text), plus the throttling signals that drive retries.
 */
final class ServiceError {

    static final String CONCURRENCY_TEXT = "You have reached the maximum number of concurrent requests per tenant";

    /**
     * Exception names that mean "try again" even inside a 400: the module's list plus M365Permissions'
     * (docs/admin-api.md, "Retries and throttling").
     */
    static final List<String> TRANSIENT_EXCEPTION_NAMES = List.of(
            "DCOverloadedException",
            "SuitabilityDirectoryException",
            "ServerInMMException",
            "ADServerSettingsChangedException",
            "StorageTransientException",
            "ADTransientException",
            "CmdletProxyNotAvailableFailure",
            "ServerBusyException",
            "TransientException",
            "BackendCommunicationException");

    /**
     * The service's text when an app has Exchange.ManageAsApp consent but no Exchange RBAC role
     * (docs/admin-api.md, "Sign-in: authorities and scopes").
     */
    static final String ROLE_NOT_SUPPORTED = "The role assigned to application";

    private static final String ROLE_HINT =
            ". The app has no Exchange role: assign it an Entra role such as Exchange Administrator "
                    + "(Compliance Administrator for scc), or add its service principal to a role group; consent to Exchange.ManageAsApp alone is not enough";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HTML_TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int TEXT_EXCERPT = 300;

    private enum BodyKind {
        ENVELOPE,
        EMPTY,
        NUL_BYTES,
        HTML,
        TEXT,
        OTHER_JSON
    }

    private final int status;
    private final String requestId;
    private final BodyKind bodyKind;
    private final String bodyText;
    private final String errorCode;
    private final String exceptionType;
    private final String cmdletMessage;
    private final Duration retryAfter;

    private ServiceError(
            int status,
            String requestId,
            BodyKind bodyKind,
            String bodyText,
            String errorCode,
            String exceptionType,
            String cmdletMessage,
            Duration retryAfter) {
        this.status = status;
        this.requestId = requestId;
        this.bodyKind = bodyKind;
        this.bodyText = bodyText;
        this.errorCode = errorCode;
        this.exceptionType = exceptionType;
        this.cmdletMessage = cmdletMessage;
        this.retryAfter = retryAfter;
    }

    static ServiceError decode(
            int status, byte[] body, String exceptionTypeHeader, String retryAfterHeader, String requestId) {
        Duration retryAfter = parseRetryAfter(retryAfterHeader);
        String text = new String(body, StandardCharsets.UTF_8);
        if (body.length == 0 || text.isBlank()) {
            return new ServiceError(
                    status, requestId, BodyKind.EMPTY, "", null, shortType(exceptionTypeHeader), null, retryAfter);
        }
        if (isAllNul(body)) {
            return new ServiceError(
                    status,
                    requestId,
                    BodyKind.NUL_BYTES,
                    body.length + " NUL bytes",
                    null,
                    shortType(exceptionTypeHeader),
                    null,
                    retryAfter);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode error = MAPPER.readTree(trimmed).path("error");
                if (error.isObject()) {
                    return fromEnvelope(status, requestId, error, exceptionTypeHeader, retryAfter);
                }
                return new ServiceError(
                        status,
                        requestId,
                        BodyKind.OTHER_JSON,
                        excerpt(trimmed),
                        null,
                        shortType(exceptionTypeHeader),
                        null,
                        retryAfter);
            } catch (IOException notJson) {
                // falls through: a body that only starts like JSON is reported as text
            }
        }
        if (trimmed.startsWith("<")) {
            Matcher title = HTML_TITLE.matcher(trimmed);
            String description =
                    title.find() ? "an HTML page titled '" + title.group(1).strip() + "'" : "an HTML page";
            return new ServiceError(
                    status,
                    requestId,
                    BodyKind.HTML,
                    description,
                    null,
                    shortType(exceptionTypeHeader),
                    null,
                    retryAfter);
        }
        return new ServiceError(
                status,
                requestId,
                BodyKind.TEXT,
                excerpt(trimmed),
                null,
                shortType(exceptionTypeHeader),
                null,
                retryAfter);
    }

    private static ServiceError fromEnvelope(
            int status, String requestId, JsonNode error, String exceptionTypeHeader, Duration retryAfter) {
        String code = textOrNull(error.path("code"));
        String type = shortType(exceptionTypeHeader);
        String message = null;
        JsonNode detail = error.path("details").path(0).path("message");
        if (detail.isTextual() && !detail.asText().isBlank()) {
            String[] parsed = parseDetailMessage(detail.asText());
            type = parsed[0] != null ? shortType(parsed[0]) : type;
            message = parsed[1];
        }
        JsonNode inner = error.path("innererror");
        if (message == null) {
            message = textOrNull(inner.path("internalexception").path("message"));
        }
        if (message == null) {
            message = textOrNull(error.path("message"));
        }
        if (type == null) {
            type = shortType(textOrNull(inner.path("internalexception").path("type")));
        }
        if (type == null && !"Error executing cmdlet".equals(textOrNull(inner.path("message")))) {
            type = shortType(textOrNull(inner.path("type")));
        }
        return new ServiceError(status, requestId, BodyKind.ENVELOPE, null, code, type, message, retryAfter);
    }

    /**
     * {@code [type, message]} from the three shapes of {@code details[0].message}: {@code id|type|message};
     * JSON {@code {"Message","TypeName"}}; JSON {@code {"localizedString":{"stringId"},"ClassName","Message"}}.
     */
    static String[] parseDetailMessage(String detail) {
        String trimmed = detail.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = MAPPER.readTree(trimmed);
                String message = textOrNull(node.path("Message"));
                String type = textOrNull(node.path("TypeName"));
                if (type == null) {
                    type = textOrNull(node.path("ClassName"));
                }
                if (message != null) {
                    return new String[] {type, message};
                }
            } catch (IOException notJson) {
                // not JSON after all: treated as text below
            }
        }
        String[] parts = trimmed.split("\\|", 3);
        if (parts.length == 3 && !parts[0].contains(" ") && !parts[1].contains(" ") && !parts[1].isEmpty()) {
            return new String[] {parts[1], parts[2]};
        }
        return new String[] {null, trimmed};
    }

    boolean isConcurrencyRejection() {
        return (bodyKind == BodyKind.TEXT || bodyKind == BodyKind.ENVELOPE)
                && String.valueOf(bodyKind == BodyKind.TEXT ? bodyText : cmdletMessage)
                        .contains(CONCURRENCY_TEXT);
    }

    boolean isThrottling() {
        return status == 429 || isConcurrencyRejection();
    }

    boolean namesTransientException() {
        String haystack = exceptionType + " " + cmdletMessage + " " + bodyText;
        return TRANSIENT_EXCEPTION_NAMES.stream().anyMatch(haystack::contains);
    }

    int status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whether the cmdlet may have run despite the error: a server error or timeout, unlike a refusal before running
     * (throttling, concurrency rejection) or a cmdlet error.
     */
    boolean outcomeUnknown() {
        return !isThrottling() && (status == 408 || status >= 500);
    }

    /** The exception a caller sees once retries are over (or not allowed); a write's says when it may have run. */
    ExoException toException(String cmdlet, boolean write) {
        String where = (write && outcomeUnknown() ? AdminApiClient.WRITE_MAY_HAVE_RUN : "") + " [client-request-id "
                + requestId + "]";
        if (isThrottling()) {
            return new ExoThrottledException(
                    cmdlet + " was throttled by Exchange Online (HTTP " + status + "): " + describe() + where,
                    status,
                    requestId,
                    retryAfter);
        }
        if (status == 401) {
            return new ExoAuthenticationException(
                    cmdlet + " was refused with HTTP 401 after a fresh token was used: " + describe()
                            + (describe().contains(ROLE_NOT_SUPPORTED) ? ROLE_HINT : "") + where,
                    status,
                    errorCode,
                    requestId,
                    null);
        }
        if (status == 403) {
            String hint = bodyKind == BodyKind.ENVELOPE
                    ? (describe().contains(ROLE_NOT_SUPPORTED) ? ROLE_HINT : "")
                    : ". Exchange Online answers so for a cmdlet it does not serve (Security & Compliance cmdlets belong on scc:, "
                            + "Exchange cmdlets on exo:) or one the identity's RBAC role does not grant";
            return new ExoAccessDeniedException(
                    cmdlet + " was refused (HTTP 403): " + describe() + hint + where,
                    errorCode,
                    requestId,
                    exceptionType,
                    cmdletMessage);
        }
        if (bodyKind == BodyKind.ENVELOPE) {
            return new ExoCmdletException(
                    cmdlet + " failed (HTTP " + status + (errorCode != null ? " " + errorCode : "")
                            + (exceptionType != null ? ", " + exceptionType : "") + "): " + cmdletMessage + where,
                    status,
                    errorCode,
                    requestId,
                    exceptionType,
                    cmdletMessage,
                    null);
        }
        return new ExoProtocolException(
                cmdlet + " failed with HTTP " + status + " and " + describe() + " instead of a JSON error" + where,
                status,
                requestId,
                null);
    }

    private String describe() {
        return switch (bodyKind) {
            case ENVELOPE -> (exceptionType != null ? exceptionType + ": " : "") + cmdletMessage;
            case EMPTY -> "an empty body";
            case NUL_BYTES -> "a body of " + bodyText;
            case HTML -> bodyText;
            case TEXT, OTHER_JSON -> "'" + bodyText + "'";
        };
    }

    /** Retry-After as (possibly decimal) seconds, or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static boolean isAllNul(byte[] body) {
        for (byte b : body) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String shortType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String trimmed = type.strip();
        return trimmed.substring(trimmed.lastIndexOf('.') + 1);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= TEXT_EXCERPT ? oneLine : oneLine.substring(0, TEXT_EXCERPT) + "...";
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + describe();
    }
}
