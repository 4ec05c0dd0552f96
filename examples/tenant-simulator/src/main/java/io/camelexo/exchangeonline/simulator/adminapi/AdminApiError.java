package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A failure answered the way the service answers it (docs/admin-api.md, "Errors"). The choices where the real shape is
 * not confirmed: a missing object is 404 with the pipe-delimited detail ({@code ErrorId|Type|Message}); every other cmdlet
 * failure is 400 with the JSON-in-string detail ({@code {"Message":…,"TypeName":…}}); an SCC cmdlet sent to
 * Exchange is 403 with 512 NUL bytes; 401 has an empty body with {@code WWW-Authenticate} and
 * {@code x-ms-diagnostics} saying why; the concurrency cap answers 429 with the plain-text message.
 */
public final class AdminApiError extends RuntimeException {

    static final String JSON =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private static final String CMDLET_FAILED = "Error executing cmdlet";
    private static final String SERVICE_EXCEPTION = "Microsoft.Exchange.Admin.OData.Core.ODataServiceException";
    private static final String STACK =
            "   at Microsoft.Exchange.AdminApi.CommandInvocation.CommandInvocationHelper.InvokeCommand(CmdletInput input)\r\n"
                    + "   at Microsoft.Exchange.AdminApi.Controllers.InvokeCommandController.Post(ODataActionParameters parameters)";
    static final int NUL_BODY_BYTES = 512;

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;

    private AdminApiError(int status, String contentType, byte[] body, Map<String, String> headers, String summary) {
        super(summary, null, false, false);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** 404, ManagementObjectNotFoundException, pipe-delimited detail. */
    static AdminApiError objectNotFound(String identity, String domainController) {
        String type = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException";
        return cmdletError(
                404,
                "NotFound",
                "Ex6F9304|" + type + "|The operation couldn't be performed because object '" + identity
                        + "' couldn't be found on '" + domainController + "'.",
                type);
    }

    /**
     * 400 for the message-trace cmdlets Microsoft retired on 1 September 2025, with or without parameters: a
     * pipe-delimited detail with an empty id, as the service answers them.
     */
    static AdminApiError retiredMessageTrace(String cmdlet, String replacement) {
        String type = "Microsoft.Exchange.Management.Tasks.ValidationException";
        return cmdletError(
                400,
                "BadRequest",
                "|" + type + "|" + cmdlet + " will start deprecating on September 1st, 2025. Please refer to: "
                        + "https://learn.microsoft.com/en-us/powershell/module/exchange/"
                        + replacement.toLowerCase(Locale.ROOT) + "?view=exchange-ps to switch to "
                        + replacement + ".",
                type);
    }

    /** 400 with the JSON-in-string detail: the shape of parameter, validation and "no such cmdlet" errors. */
    static AdminApiError badRequest(String typeName, String message) {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("Message", message);
        detail.put("TypeName", typeName);
        detail.putNull("StackTrace");
        detail.putNull("InnerError");
        return cmdletError(400, "BadRequest", detail.toString(), typeName);
    }

    static AdminApiError commandNotFound(String cmdlet) {
        return badRequest(
                "System.Management.Automation.CommandNotFoundException",
                "The term '" + cmdlet + "' is not recognized as a name of a "
                        + "cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, "
                        + "verify that the path is correct and try again.");
    }

    static AdminApiError parameterNotFound(String parameter) {
        return badRequest(
                "System.Management.Automation.ParameterBindingException",
                "A parameter cannot be found that matches parameter name '" + parameter + "'.");
    }

    static AdminApiError missingParameter(String parameter) {
        return badRequest(
                "System.Management.Automation.ParameterBindingException",
                "Cannot process command because of one or more missing mandatory parameters: " + parameter + ".");
    }

    static AdminApiError invalidParameterValue(String parameter, Object value, String expected) {
        return badRequest(
                "System.Management.Automation.ParameterBindingException",
                "Cannot bind parameter '" + parameter + "'. Cannot convert value \"" + value + "\" to type \""
                        + expected + "\".");
    }

    /** What Exchange answers for a Security &amp; Compliance cmdlet: 403 and a body of NUL bytes (one public report). */
    static AdminApiError complianceCmdletOnExchange() {
        return new AdminApiError(403, "application/json", new byte[NUL_BODY_BYTES], Map.of(), "403 with NUL bytes");
    }

    /**
     * An app signed in with Exchange.ManageAsApp but without an Exchange RBAC role: the service's text (reported in
     * public issue threads); the status is not confirmed, 403 is what a refusal of a valid token is.
     */
    static AdminApiError roleNotSupported(String appId) {
        return plain(
                403,
                "Forbidden",
                "The role assigned to application " + appId + " isn't supported in this scenario. Please check online "
                        + "documentation for assigning correct Directory Roles to Azure AD Application for EXO App-Only "
                        + "Authentication.");
    }

    static AdminApiError unauthorized(String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "WWW-Authenticate",
                "Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", "
                        + "trusted_issuers=\"00000001-0000-0000-c000-000000000000@*\", token_types=\"app_asserted_user_v1 service_asserted_app_v1\", "
                        + "authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", error=\"invalid_token\"");
        headers.put("x-ms-diagnostics", "2000001;reason=\"" + reason + "\";error_category=\"invalid_token\"");
        return new AdminApiError(401, "text/plain", new byte[0], headers, "401: " + reason);
    }

    /** 429 with a decimal Retry-After in seconds and the Rate-Limit-* headers (docs/admin-api.md, "Retries and throttling"). */
    static AdminApiError throttled(String retryAfter, Map<String, String> rateLimitHeaders) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", "TooManyRequests");
        error.put("message", "Request throttled. Retry after the interval in Retry-After.");
        Map<String, String> headers = new LinkedHashMap<>(rateLimitHeaders);
        headers.put("Retry-After", retryAfter);
        return new AdminApiError(429, "application/json", bytes(root), headers, "429 throttled");
    }

    /** The refusal's text is known from a public client, its status is not; 429 makes every client back off. */
    static AdminApiError concurrencyLimit() {
        return new AdminApiError(
                429,
                "text/plain; charset=utf-8",
                ("You have reached the maximum number of concurrent requests per tenant. "
                                + "Please wait and try again")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of(),
                "429 concurrency");
    }

    static AdminApiError serverBusy() {
        String html =
                "<!DOCTYPE html>\r\n<html><head><title>Service Unavailable</title></head><body><h2>Service Unavailable</h2>"
                        + "<hr><p>HTTP Error 503. The service is unavailable.</p></body></html>";
        return new AdminApiError(
                503, "text/html; charset=us-ascii", html.getBytes(StandardCharsets.US_ASCII), Map.of(), "503 busy");
    }

    /**
     * A busy back end inside a $batch answer: the HTML page of a busy front end cannot be an item's answer, so the
     * item gets the OData error envelope with 503.
     */
    static AdminApiError serviceUnavailable() {
        return plain(503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later.");
    }

    /**
     * A mailbox-routed cmdlet inside a $batch (the module never batches them; the refusal's shape is the simulator's
     * choice): 400 with the JSON-in-string detail, like any cmdlet error the caller must fix.
     */
    static AdminApiError notBatchable(String cmdlet) {
        return badRequest(
                "System.NotSupportedException",
                "The cmdlet '" + cmdlet + "' is routed to the mailbox's own server and cannot run inside a $batch "
                        + "request. Send it as a single InvokeCommand request.");
    }

    /** 500 ADTransientException, envelope without details. */
    static AdminApiError transientDirectoryError() {
        String message = "The Active Directory Topology service returned an error: the LDAP server is unavailable.";
        String type = "Microsoft.Exchange.Data.Directory.ADTransientException";
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", "InternalServerError");
        error.put("message", message);
        ObjectNode inner = error.putObject("innererror");
        inner.put("message", message);
        inner.put("type", type);
        return new AdminApiError(
                500, JSON, bytes(root), Map.of("x-ExceptionType", "ADTransientException"), "500 transient");
    }

    /** A request the service has no route for, or a malformed one: an OData error without cmdlet details. */
    static AdminApiError plain(int status, String code, String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return new AdminApiError(status, JSON, bytes(root), Map.of(), status + " " + message);
    }

    private static AdminApiError cmdletError(int status, String code, String detailMessage, String typeName) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", CMDLET_FAILED);
        ObjectNode detail = error.putArray("details").addObject();
        detail.put("code", "Context");
        detail.put("target", "");
        detail.put("message", detailMessage);
        ObjectNode inner = error.putObject("innererror");
        inner.put("message", CMDLET_FAILED);
        inner.put("type", SERVICE_EXCEPTION);
        inner.put("stacktrace", STACK);
        String shortType = typeName.substring(typeName.lastIndexOf('.') + 1);
        return new AdminApiError(
                status, JSON, bytes(root), Map.of("x-ExceptionType", shortType), status + " " + shortType);
    }

    private static byte[] bytes(ObjectNode root) {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
