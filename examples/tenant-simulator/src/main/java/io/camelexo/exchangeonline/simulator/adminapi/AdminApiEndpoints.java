package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.simulator.Faults;
import io.camelexo.exchangeonline.simulator.SimulatorClock;
import io.camelexo.exchangeonline.simulator.entra.AccessTokenClaims;
import io.camelexo.exchangeonline.simulator.entra.InvalidTokenException;
import io.camelexo.exchangeonline.simulator.entra.TokenService;
import io.camelexo.exchangeonline.simulator.server.CallNote;
import io.camelexo.exchangeonline.simulator.server.Handler;
import io.camelexo.exchangeonline.simulator.server.SimRequest;
import io.camelexo.exchangeonline.simulator.server.SimResponse;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import io.camelexo.exchangeonline.simulator.tenant.Tenants;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The Admin API of one workload (Exchange, or the regional Security &amp; Compliance host): bearer-token checks,
 * admission (concurrency cap, per-app token bucket), injected faults, then InvokeCommand, $batch, the Get-EXO*
 * entity routes and EXOModuleFile.
 */
public final class AdminApiEndpoints implements Handler {

    private static final int MAX_BATCH_REQUESTS = 10;
    private static final long DEFAULT_RESULT_SIZE = 1000;

    /** Which endpoint a path names. */
    private enum Kind {
        INVOKE_COMMAND,
        BATCH,
        MODULE_FILE,
        ENTITY
    }

    private record Route(Kind kind, String tenantSegment, String rawTenantSegment, String rest) {}

    private final Workload workload;
    private final Tenants tenants;
    private final TokenService tokens;
    private final SecureStrings secureStrings;
    private final SignInAccounts accounts;
    private final Faults faults;
    private final SimulatorClock clock;
    private final TrafficControl traffic;
    private final Cmdlets cmdlets = new Cmdlets();

    public AdminApiEndpoints(
            Workload workload,
            Tenants tenants,
            TokenService tokens,
            SecureStrings secureStrings,
            SignInAccounts accounts,
            Faults faults,
            SimulatorClock clock) {
        this.workload = workload;
        this.tenants = tenants;
        this.tokens = tokens;
        this.secureStrings = secureStrings;
        this.accounts = accounts;
        this.faults = faults;
        this.clock = clock;
        this.traffic = new TrafficControl(faults, clock);
    }

    @Override
    public SimResponse handle(SimRequest request) {
        SimResponse response;
        try {
            Route route = route(request.rawPath());
            AccessTokenClaims claims = authenticate(request);
            Tenant tenant = authorize(claims, route, request.note());
            try (TrafficControl.Permit permit =
                    traffic.admit(tenant.tenantId().toString(), claims.appId(), request.note())) {
                SimResponse injected = injectedFault(request.note());
                if (injected != null) {
                    response = injected;
                } else {
                    response = dispatch(route, request, claims, tenant, true);
                    pause(faults.pageLatency());
                    permit.rateLimitHeaders().forEach(response::header);
                }
            }
        } catch (AdminApiError e) {
            response = toResponse(e);
        }
        return withServiceHeaders(response, request);
    }

    private SimResponse dispatch(
            Route route, SimRequest request, AccessTokenClaims claims, Tenant tenant, boolean batchAllowed) {
        String tenantBase = request.baseUrl() + "/adminapi/beta/" + route.rawTenantSegment();
        return switch (route.kind()) {
            case INVOKE_COMMAND -> invokeCommand(request, tenant, tenantBase);
            case BATCH -> {
                if (!batchAllowed || !request.method().equals("POST")) {
                    throw AdminApiError.plain(
                            400, "BadRequest", "A $batch request is a POST and cannot contain another $batch.");
                }
                yield batch(request, claims, tenantBase);
            }
            case MODULE_FILE -> moduleFile(request, route);
            case ENTITY -> {
                if (!request.method().equals("GET")) {
                    throw AdminApiError.plain(405, "MethodNotAllowed", "The entity routes only answer GET.");
                }
                yield EntityRoutes.get(request, route.rest(), tenant, tenantBase);
            }
        };
    }

    // ---------------------------------------------------------------- InvokeCommand

    private SimResponse invokeCommand(SimRequest request, Tenant tenant, String tenantBase) {
        String skip = request.queryOption("$skiptoken");
        SkipToken token = skip != null ? SkipToken.decode(skip) : null;
        CmdletCall call;
        if (token != null && token.input() != null) {
            call = CmdletCall.fromInput(token.input());
        } else if (request.method().equals("POST")) {
            call = CmdletCall.parseBody(request.body());
        } else {
            throw AdminApiError.plain(
                    405,
                    "MethodNotAllowed",
                    "InvokeCommand is a POST of a CmdletInput (a GET only follows an @odata.nextLink).");
        }
        request.note().cmdlet(call.cmdlet());
        Cmdlets.Definition cmdlet = cmdlets.find(call.cmdlet());
        if (cmdlet == null) {
            throw AdminApiError.commandNotFound(call.cmdlet());
        }
        if (cmdlet.workload() != workload) {
            throw workload == Workload.EXCHANGE
                    ? AdminApiError.complianceCmdletOnExchange()
                    : AdminApiError.commandNotFound(call.cmdlet());
        }
        cmdlet.checkParameters(call);
        long limit = resultSize(call);
        String select = request.queryOption("$select");
        Selection selection = Selection.of(select == null ? List.of() : Arrays.asList(select.split(",")));
        CmdletOutput output = cmdlet.handler().run(call, new CmdletContext(tenant, selection, secureStrings, accounts));

        long position = token != null ? token.position() : 0;
        long delivered = token != null ? token.delivered() : 0;
        int pageSize = Paging.pageSize(request, Paging.INVOKE_COMMAND_DEFAULT_PAGE_SIZE);
        Paging.Page page = Paging.read(output.records(), position, (int) Math.min(pageSize, limit - delivered));
        long deliveredNow = delivered + page.records().size();
        String nextLink = null;
        if (page.more() && deliveredNow < limit) {
            StringJoiner query = new StringJoiner("&", "?", "");
            if (select != null) {
                query.add("%24select=" + URLEncoder.encode(select, StandardCharsets.UTF_8));
            }
            query.add("%24skiptoken=" + new SkipToken(page.nextPosition(), deliveredNow, call.input()).encode());
            nextLink = tenantBase + "/InvokeCommand" + query;
        }
        List<String> warnings = new ArrayList<>(output.warnings());
        if (page.more()) {
            warnings.add(PageWriter.MORE_RESULTS);
        }
        byte[] body = PageWriter.invokeCommandPage(
                tenantBase + "/$metadata#Collection(Exchange.GenericHashTable)",
                warnings,
                nextLink,
                page.records(),
                selection);
        return SimResponse.of(200, AdminApiError.JSON, body)
                .header("Preference-Applied", "odata.include-annotations=\"*\", odata.maxpagesize=" + pageSize);
    }

    /** ResultSize: absent = the cmdlets' default of 1000, "Unlimited", or a positive number (docs/admin-api.md, "Paging"). */
    private static long resultSize(CmdletCall call) {
        Object value = call.value("ResultSize");
        if (value == null) {
            return DEFAULT_RESULT_SIZE;
        }
        String text = value.toString().strip();
        if (text.equalsIgnoreCase("Unlimited")) {
            return Long.MAX_VALUE;
        }
        try {
            long size = Long.parseLong(text);
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // answered below, like any value that is no size
        }
        throw AdminApiError.invalidParameterValue(
                "ResultSize", value, "Microsoft.Exchange.Data.Unlimited`1[System.UInt32]");
    }

    // ---------------------------------------------------------------- $batch

    /**
     * Up to ten sub-requests under the envelope's token; each answers with its own status, headers and body
     * (docs/admin-api.md, "$batch").
     */
    private SimResponse batch(SimRequest request, AccessTokenClaims claims, String tenantBase) {
        JsonNode requests;
        try {
            requests = Json.MAPPER.readTree(request.body()).path("requests");
        } catch (IOException e) {
            throw AdminApiError.plain(400, "BadRequest", "The $batch body is not valid JSON: " + e.getMessage());
        }
        if (!requests.isArray() || requests.isEmpty()) {
            throw AdminApiError.plain(
                    400, "BadRequest", "A $batch body is {\"requests\":[...]} with at least one request.");
        }
        if (requests.size() > MAX_BATCH_REQUESTS) {
            throw AdminApiError.plain(
                    400,
                    "BadRequest",
                    "The batch holds " + requests.size() + " requests; at most " + MAX_BATCH_REQUESTS
                            + " are allowed.");
        }
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        ArrayNode responses = envelope.putArray("responses");
        StringJoiner cmdletNames = new StringJoiner(",", "$batch:", "");
        for (JsonNode item : requests) {
            SimRequest sub = subRequest(request, item, tenantBase);
            SimResponse answer;
            try {
                Route route = route(sub.rawPath());
                answer = dispatch(route, sub, claims, authorize(claims, route, sub.note()), false);
            } catch (AdminApiError e) {
                answer = toResponse(e);
            }
            withServiceHeaders(answer, sub);
            cmdletNames.add(String.valueOf(sub.note().cmdlet()));
            ObjectNode entry = responses.addObject();
            entry.put("id", item.path("id").asText());
            entry.put("status", answer.status());
            ObjectNode headers = entry.putObject("headers");
            answer.headers().forEach(headers::put);
            if (answer.body().length > 0) {
                entry.set("body", bodyNode(answer));
            }
        }
        request.note().cmdlet(cmdletNames.toString());
        return SimResponse.of(
                200, "application/json; charset=utf-8", envelope.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static SimRequest subRequest(SimRequest envelope, JsonNode item, String tenantBase) {
        String url = item.path("url").asText("");
        String pathAndQuery;
        if (url.startsWith("http://") || url.startsWith("https://")) {
            URI uri = URI.create(url);
            pathAndQuery = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        } else {
            pathAndQuery = url.startsWith("/") ? url : URI.create(tenantBase).getRawPath() + "/" + url;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        item.path("headers")
                .fields()
                .forEachRemaining(header ->
                        headers.put(header.getKey(), List.of(header.getValue().asText())));
        JsonNode body = item.get("body");
        byte[] bytes = body == null || body.isNull()
                ? new byte[0]
                : (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
        return new SimRequest(
                item.path("method").asText("POST"), pathAndQuery, headers, bytes, envelope.baseUrl(), new CallNote());
    }

    /** A JSON body as JSON; anything else (HTML, text, NUL bytes) as a string. */
    private static JsonNode bodyNode(SimResponse answer) {
        String contentType = answer.header("Content-Type");
        if (contentType != null && contentType.contains("json")) {
            try {
                return Json.MAPPER.readTree(answer.body());
            } catch (IOException notJson) {
                // the NUL-byte 403 claims JSON; it travels as text
            }
        }
        return Json.MAPPER.getNodeFactory().textNode(new String(answer.body(), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- EXOModuleFile

    /**
     * The connect-time bootstrap (docs/admin-api.md, "Hosts and clouds"). The real answer is the generated module; the simulator answers
     * JSON with the cmdlets this workload runs ({@code exportedCmdlets}) and the RSA public key as .NET XML
     * ({@code EncryptionKey}), which the real module embeds in its text.
     */
    private SimResponse moduleFile(SimRequest request, Route route) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put(
                "@odata.context",
                request.baseUrl() + "/adminapi/v1.0/" + route.rawTenantSegment() + "/$metadata#EXOModuleFile");
        ObjectNode module = root.putArray("value").addObject();
        module.put("ModuleName", "tmpEXO_" + workload.name().toLowerCase(Locale.ROOT));
        module.put("Version", request.queryOption("Version") != null ? request.queryOption("Version") : "3.9.2");
        module.put("exportedCmdlets", String.join(",", cmdlets.names(workload)));
        module.put("EncryptionKey", secureStrings.publicKeyXml());
        return SimResponse.of(200, AdminApiError.JSON, root.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- checks

    /** /adminapi/beta/{tenant}/InvokeCommand | $batch | {entity route}, or /adminapi/v1.0/{tenant}/EXOModuleFile; case-insensitive. */
    private static Route route(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.size() >= 4 && segments.get(0).equalsIgnoreCase("adminapi")) {
            String version = segments.get(1).toLowerCase(Locale.ROOT);
            String rawTenant = segments.get(2);
            String rest = String.join("/", segments.subList(3, segments.size()));
            String restDecoded = SimRequest.decode(rest);
            if (version.equals("beta")) {
                Kind kind = restDecoded.equalsIgnoreCase("InvokeCommand")
                        ? Kind.INVOKE_COMMAND
                        : restDecoded.equalsIgnoreCase("$batch") ? Kind.BATCH : Kind.ENTITY;
                return new Route(kind, SimRequest.decode(rawTenant), rawTenant, rest);
            }
            if (version.equals("v1.0") && restDecoded.equalsIgnoreCase("EXOModuleFile")) {
                return new Route(Kind.MODULE_FILE, SimRequest.decode(rawTenant), rawTenant, rest);
            }
        }
        throw AdminApiError.plain(
                404, "NotFound", "No HTTP resource was found that matches the request URI '" + rawPath + "'.");
    }

    private AccessTokenClaims authenticate(SimRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw AdminApiError.unauthorized("The request has no bearer token.");
        }
        try {
            return tokens.verify(authorization.substring(7));
        } catch (InvalidTokenException e) {
            throw AdminApiError.unauthorized(e.getMessage());
        }
    }

    /** The URL's tenant, which must be the token's, for a token whose audience is this workload. */
    private Tenant authorize(AccessTokenClaims claims, Route route, CallNote note) {
        note.caller(claims.tenantId(), claims.appId(), claims.user(), claims.tokenId());
        if (Workload.ofResource(claims.audience()) != workload) {
            throw AdminApiError.unauthorized(
                    "The token's audience " + claims.audience() + " is not " + workload.resource() + ".");
        }
        Tenant tenant = tenants.find(route.tenantSegment());
        if (tenant == null || !tenant.tenantId().toString().equals(claims.tenantId())) {
            throw AdminApiError.unauthorized("The token was issued for tenant " + claims.tenantId() + ", not for '"
                    + route.tenantSegment() + "'.");
        }
        if (claims.user() == null && !tenant.hasExchangeRole(claims.appId())) {
            throw AdminApiError.roleNotSupported(claims.appId());
        }
        return tenant;
    }

    /** Injected throttling asks for a short, decimal wait, so fault-rate runs stay quick. */
    private static final String INJECTED_RETRY_AFTER = "0.05";

    private SimResponse injectedFault(CallNote note) {
        return switch (faults.draw()) {
            case THROTTLED -> {
                note.fault("throttled");
                yield toResponse(AdminApiError.throttled(
                        INJECTED_RETRY_AFTER,
                        Map.of(
                                "Rate-Limit-Limit",
                                "30000",
                                "Rate-Limit-Remaining",
                                "0",
                                "Rate-Limit-Reset",
                                clock.now().plusMillis(50).toString())));
            }
            case SERVER_BUSY -> {
                note.fault("server-busy");
                yield toResponse(AdminApiError.serverBusy());
            }
            case TRANSIENT_ERROR -> {
                note.fault("transient-error");
                yield toResponse(AdminApiError.transientDirectoryError());
            }
            case CONNECTION_RESET -> {
                note.fault("connection-reset");
                yield SimResponse.connectionReset();
            }
            case NONE -> null;
        };
    }

    private static SimResponse toResponse(AdminApiError error) {
        SimResponse response = SimResponse.of(error.status(), error.contentType(), error.body());
        error.headers().forEach(response::header);
        return response;
    }

    /** Headers the service puts on every answer, as captured answers show them, with the client's request id echoed. */
    private static SimResponse withServiceHeaders(SimResponse response, SimRequest request) {
        if (response.isConnectionReset()) {
            return response;
        }
        response.header("request-id", UUID.randomUUID().toString());
        String clientRequestId = request.header("client-request-id");
        if (clientRequestId != null) {
            response.header("client-request-id", clientRequestId);
        }
        response.header("X-BackEndHttpStatus", Integer.toString(response.status()));
        response.header("X-FEServer", "SIM0PR01CA0001");
        String contentType = response.header("Content-Type");
        if (contentType != null && contentType.contains("odata")) {
            response.header("OData-Version", "4.0");
        }
        return response;
    }

    private void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            clock.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
