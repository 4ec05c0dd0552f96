package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.simulator.Faults;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.SimulatorClock;
import io.camelexo.exchangeonline.simulator.Traffic;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The Admin API of one workload (Exchange, or the regional Security &amp; Compliance host): bearer-token checks, the
 * traffic figures, admission (concurrency cap, per-app token bucket), request latency, injected faults, then
 * InvokeCommand, $batch, the Get-EXO* entity routes (each page with its page latency) and EXOModuleFile; beside them
 * the simulator's own {@code /_simulator/stats}.
 */
public final class AdminApiEndpoints implements Handler {

    private static final int MAX_BATCH_REQUESTS = 10;
    private static final long DEFAULT_RESULT_SIZE = 1000;

    /** Faults a whole envelope can meet: busy before its items ran, a reset connection after. */
    private static final Set<Faults.Injected> ENVELOPE_FAULTS =
            EnumSet.of(Faults.Injected.SERVER_BUSY, Faults.Injected.CONNECTION_RESET);
    /** Faults one item can meet inside an answered envelope. */
    private static final Set<Faults.Injected> ITEM_FAULTS = EnumSet.of(
            Faults.Injected.THROTTLED,
            Faults.Injected.SERVER_BUSY,
            Faults.Injected.TRANSIENT_ERROR,
            Faults.Injected.CONCURRENCY_REFUSED);

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
    private final TrafficControl admission;
    private final Traffic traffic;
    private final SimulatedService service;
    private final Cmdlets cmdlets;

    public AdminApiEndpoints(
            Workload workload,
            Tenants tenants,
            TokenService tokens,
            SecureStrings secureStrings,
            SignInAccounts accounts,
            Faults faults,
            SimulatorClock clock,
            Traffic traffic) {
        this.workload = workload;
        this.tenants = tenants;
        this.tokens = tokens;
        this.secureStrings = secureStrings;
        this.accounts = accounts;
        this.faults = faults;
        this.clock = clock;
        this.cmdlets = new Cmdlets(clock);
        this.admission = new TrafficControl(faults, clock);
        this.traffic = traffic;
        this.service = workload == Workload.EXCHANGE ? SimulatedService.EXCHANGE : SimulatedService.COMPLIANCE;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        if (request.rawPath().startsWith(AddedRecords.PREFIX)) {
            return AddedRecords.answer(request, tenants, clock);
        }
        if (TrafficStats.isStatsPath(request.rawPath())) {
            return TrafficStats.answer(request, traffic, tenants);
        }
        SimResponse response;
        try {
            Route route = route(request.rawPath());
            AccessTokenClaims claims = authenticate(request);
            Tenant tenant = authorize(claims, route, request.note());
            String tenantId = tenant.tenantId().toString();
            try (Traffic.InFlight counted = traffic.arrive(service, tenantId);
                    TrafficControl.Permit permit = admission.admit(tenantId, request.note())) {
                response = route.kind() == Kind.BATCH
                        ? batch(request, claims, route)
                        : single(route, request, claims, tenant);
            }
        } catch (AdminApiError e) {
            response = toResponse(e);
        }
        return withServiceHeaders(response, request);
    }

    /** One call: a token from the bucket, the round trip, an injected fault or the answer. */
    private SimResponse single(Route route, SimRequest request, AccessTokenClaims claims, Tenant tenant) {
        Map<String, String> rateLimitHeaders =
                admission.takeToken(tenant.tenantId().toString(), claims.appId(), request.note());
        pause(faults.requestLatency());
        SimResponse injected = injectedFault(faults.draw(), request.note(), false);
        if (injected != null) {
            return injected;
        }
        SimResponse response = dispatch(route, request, claims, tenant, false);
        rateLimitHeaders.forEach(response::header);
        return response;
    }

    private SimResponse dispatch(
            Route route, SimRequest request, AccessTokenClaims claims, Tenant tenant, boolean inBatch) {
        String tenantBase = request.baseUrl() + "/adminapi/beta/" + route.rawTenantSegment();
        return switch (route.kind()) {
            case INVOKE_COMMAND -> paged(invokeCommand(request, tenant, tenantBase, inBatch));
            case BATCH ->
                throw AdminApiError.plain(400, "BadRequest", "A $batch request cannot contain another $batch.");
            case MODULE_FILE -> moduleFile(request, route);
            case ENTITY -> {
                if (!request.method().equals("GET")) {
                    throw AdminApiError.plain(405, "MethodNotAllowed", "The entity routes only answer GET.");
                }
                yield paged(EntityRoutes.get(request, route.rest(), tenant, tenantBase));
            }
        };
    }

    /** A page of records takes the page latency to produce. */
    private SimResponse paged(SimResponse page) {
        pause(faults.pageLatency());
        return page;
    }

    // ---------------------------------------------------------------- InvokeCommand

    private SimResponse invokeCommand(SimRequest request, Tenant tenant, String tenantBase, boolean inBatch) {
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
        if (inBatch && !Cmdlets.batchable(call.cmdlet())) {
            throw AdminApiError.notBatchable(call.cmdlet());
        }
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
        CmdletOutput output = cmdlet.handler()
                .run(call, new CmdletContext(tenant, selection, secureStrings, accounts, token != null));

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
     * Up to ten sub-requests under the envelope's token, run in order through the same code as single calls; each
     * answers with its own status, headers (names in lower case) and body (docs/admin-api.md, "$batch"). The envelope
     * takes one concurrency slot and one request latency; each item takes a token from the bucket, may draw its own
     * fault (throttled, busy, transient, concurrency refusal) and takes the page latency. The envelope itself may be
     * refused busy before any item ran, or lose its connection after all of them ran.
     */
    private SimResponse batch(SimRequest request, AccessTokenClaims claims, Route route) {
        if (!request.method().equals("POST")) {
            throw AdminApiError.plain(405, "MethodNotAllowed", "A $batch request is a POST.");
        }
        String batchId = UUID.randomUUID().toString();
        CallNote note = request.note();
        note.batch(batchId, null);
        pause(faults.requestLatency());
        Faults.Injected envelopeFault = faults.draw(ENVELOPE_FAULTS);
        if (envelopeFault == Faults.Injected.SERVER_BUSY) {
            return injectedFault(envelopeFault, note, false);
        }
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
        String tenantBase = request.baseUrl() + "/adminapi/beta/" + route.rawTenantSegment();
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        ArrayNode responses = envelope.putArray("responses");
        StringJoiner cmdletNames = new StringJoiner(",", "$batch:", "");
        for (JsonNode item : requests) {
            SimRequest sub = subRequest(request, item, tenantBase);
            sub.note().batch(batchId, item.path("id").asText());
            SimResponse answer = withServiceHeaders(batchItem(sub, claims), sub);
            note.batchItem(sub, answer.status());
            cmdletNames.add(String.valueOf(sub.note().cmdlet()));
            ObjectNode entry = responses.addObject();
            entry.put("id", item.path("id").asText());
            entry.put("status", answer.status());
            ObjectNode headers = entry.putObject("headers");
            answer.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
            if (answer.body().length > 0) {
                entry.set("body", bodyNode(answer));
            }
        }
        note.cmdlet(cmdletNames.toString());
        if (envelopeFault == Faults.Injected.CONNECTION_RESET) {
            // the items ran (and their writes stay): only the answer is lost
            return injectedFault(envelopeFault, note, false);
        }
        return SimResponse.of(
                        200,
                        "application/json; charset=utf-8",
                        envelope.toString().getBytes(StandardCharsets.UTF_8))
                .header("request-id", batchId);
    }

    private SimResponse batchItem(SimRequest item, AccessTokenClaims claims) {
        try {
            Route route = route(item.rawPath());
            Tenant tenant = authorize(claims, route, item.note());
            Map<String, String> rateLimitHeaders =
                    admission.takeToken(tenant.tenantId().toString(), claims.appId(), item.note());
            SimResponse injected = injectedFault(faults.draw(ITEM_FAULTS), item.note(), true);
            if (injected != null) {
                return injected;
            }
            SimResponse answer = dispatch(route, item, claims, tenant, true);
            rateLimitHeaders.forEach(answer::header);
            return answer;
        } catch (AdminApiError e) {
            return toResponse(e);
        }
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

    /** The answer to an injected fault, or null for none. Inside a $batch a busy item answers JSON, not HTML. */
    private SimResponse injectedFault(Faults.Injected fault, CallNote note, boolean inBatch) {
        return switch (fault) {
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
                yield toResponse(inBatch ? AdminApiError.serviceUnavailable() : AdminApiError.serverBusy());
            }
            case TRANSIENT_ERROR -> {
                note.fault("transient-error");
                yield toResponse(AdminApiError.transientDirectoryError());
            }
            case CONNECTION_RESET -> {
                note.fault("connection-reset");
                yield SimResponse.connectionReset();
            }
            case CONCURRENCY_REFUSED -> {
                note.fault("concurrency");
                yield toResponse(AdminApiError.concurrencyLimit());
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
        if (response.header("request-id") == null) {
            response.header("request-id", UUID.randomUUID().toString());
        }
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
