package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cmdlets over the Admin API (docs/admin-api.md, "The InvokeCommand call", "Paging", "Errors", "Retries and
 * throttling"): plans each call (body, route, limit), builds its requests with the module's headers, retries what may
 * be retried, refreshes the token once on a 401, pins regional redirects, and turns error answers into typed
 * exceptions. Requests travel through {@link GovernedHttp} (the session's gate); pages reach the caller through a
 * {@link PageSource}. Thread-safe; one per session. No Camel types.
 */
public final class AdminApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiClient.class);

    static final String CLIENT_APPLICATION = "CamelExchangeOnline";
    /** Appended to the failure of a write whose answer leaves open whether it ran: the caller has to check before repeating it. */
    static final String WRITE_MAY_HAVE_RUN =
            "; the write was not sent again and may have run: check its effect before repeating it";
    /** A {@code $batch} envelope's preference: the service runs every item even after one has failed. */
    static final String BATCH_PREFER = "odata.continue-on-error";

    private static final int MAX_ERROR_BODY_BYTES = 1 << 20;
    private static final int MAX_REDIRECTS = 3;
    /**
     * InvokeCommand's next page is requested by POSTing the call's body again to the nextLink, as the module does. Other
     * clients GET the nextLink and report that this works too; which one the service expects is not certain, so the
     * choice is this one constant (false = GET). docs/admin-api.md, "Paging".
     */
    static final boolean NEXT_PAGE_RESENDS_BODY = true;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GovernedHttp http;
    private final ServiceLocation location;
    private final TokenSupplier tokens;
    private final String anchorMailbox;
    private final String connectionId;
    private final ClientStatistics statistics;
    private final SecureStringKeySource secureStringKeys;
    private final ExecutorService pageFetcher;
    private final CallObserver observer;

    /**
     * @param anchorMailbox {@code X-AnchorMailbox} value for calls that do not bypass anchoring
     * @param governor      the session's gate that every request passes
     * @param pageFetcher   runs the requests of pages read ahead of the caller
     * @param observer      told how each request ended and how many records the caller received
     */
    public AdminApiClient(
            HttpClient http,
            ServiceLocation location,
            TokenSupplier tokens,
            String anchorMailbox,
            String connectionId,
            ClientStatistics statistics,
            SecureStringKey configuredKey,
            RequestGovernor governor,
            ExecutorService pageFetcher,
            CallObserver observer) {
        this.http = new GovernedHttp(http, governor, statistics);
        this.location = location;
        this.tokens = tokens;
        this.anchorMailbox = anchorMailbox;
        this.connectionId = connectionId;
        this.statistics = statistics;
        this.secureStringKeys = new SecureStringKeySource(this.http, location, tokens, connectionId, configuredKey);
        this.pageFetcher = pageFetcher;
        this.observer = observer;
    }

    public ServiceLocation location() {
        return location;
    }

    /**
     * Starts the call: the first page's request is sent and its status checked here, so that a failing cmdlet fails
     * here; records are parsed, and later pages requested, only as the caller iterates ({@code @adminapi.errors}
     * surface when the page that carries them has been read). Close the result if you stop early. With parallelPaging
     * above 1 the listing is read in Name ranges, that many at once ({@link NamePartitions}).
     */
    public CmdletResult invoke(CmdletRequest request, CallOptions options) {
        if (options.parallelPaging() > 1) {
            List<Call> parts = NamePartitions.split(request, options.parallelPaging()).stream()
                    .map(part -> plan(part, options))
                    .toList();
            return new CmdletResult(
                    parts.get(0), PartitionedPageSource.of(parts, options.parallelPaging(), pageFetcher));
        }
        Call call = plan(request, options);
        PageSource pages = call.readCmdlet && options.prefetchPages() > 0
                ? new PrefetchingPageSource(call, options.prefetchPages(), pageFetcher)
                : new SequentialPageSource(call);
        return new CmdletResult(call, pages);
    }

    /**
     * Runs the cmdlet once per request, in {@code $batch} envelopes where the service allows it, concurrently under
     * the governor; one result per request, in the same order. A failed item does not fail the others.
     */
    public List<BulkItemResult> invokeBulk(List<CmdletRequest> requests, CallOptions options) {
        return new BulkCall(this, requests, options, pageFetcher, http.maxConcurrentRequests(), statistics).run();
    }

    /** A {@code $batch} envelope as one call: sent, refused and retried like a write (re-sent only if nothing ran). */
    Call batchEnvelope(CmdletRequest itemsRequest, byte[] body, CallOptions options) {
        return new Call(
                itemsRequest,
                options,
                UUID.randomUUID().toString(),
                ResultLimit.FIRST_PAGE,
                false,
                "$batch",
                body,
                true);
    }

    /** Whether a failure says that its write may have run (the caller has to check before repeating it). */
    static boolean mayHaveRun(ExoException failure) {
        return failure.getMessage() != null && failure.getMessage().contains(WRITE_MAY_HAVE_RUN);
    }

    Call plan(CmdletRequest request, CallOptions options) {
        String requestId = UUID.randomUUID().toString();
        ResultLimit limit = ResultLimit.parse(request.parameter("ResultSize"));
        if (EntityRoutes.isEntityCmdlet(request.cmdlet())) {
            return new Call(request, options, requestId, limit, true, EntityRoutes.firstPage(request), null, false);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        request.parameters()
                .forEach((name, value) ->
                        parameters.put(name, name.equalsIgnoreCase("ResultSize") ? limit.wireValue() : value));
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode input = body.putObject("CmdletInput");
        input.put("CmdletName", request.cmdlet());
        input.set("Parameters", ParameterEncoder.encodeParameters(parameters, secureStringKeys::key));
        String relative = "InvokeCommand"
                + (request.select().isEmpty()
                        ? ""
                        : "?$select=" + UriEncoding.encode(String.join(",", request.select())));
        try {
            // where the service ends the call at its ResultSize, the client follows every nextLink it is given
            ResultLimit paging =
                    options.serviceEndsResultSize() && !limit.firstPageOnly() ? ResultLimit.UNLIMITED : limit;
            return new Call(
                    request, options, requestId, paging, false, relative, MAPPER.writeValueAsBytes(body), false);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Parameters of " + request.cmdlet() + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** One logical call: everything needed to request any of its pages. */
    final class Call {
        final CmdletRequest request;
        final CallOptions options;
        final String requestId;
        final ResultLimit limit;
        final boolean entityRoute;
        final String firstPageRelative;
        final byte[] body;
        final boolean readCmdlet;
        /** A {@code $batch} envelope: never re-sent once it may have run, whatever its items are. */
        final boolean batchEnvelope;

        Call(
                CmdletRequest request,
                CallOptions options,
                String requestId,
                ResultLimit limit,
                boolean entityRoute,
                String firstPageRelative,
                byte[] body,
                boolean batchEnvelope) {
            this.request = request;
            this.options = options;
            this.requestId = requestId;
            this.limit = limit;
            this.entityRoute = entityRoute;
            this.firstPageRelative = firstPageRelative;
            this.body = body;
            this.batchEnvelope = batchEnvelope;
            this.readCmdlet = request.isRead() && !batchEnvelope;
        }

        String cmdlet() {
            return request.cmdlet();
        }

        /** A 2xx answer that could not be read, naming the call; for a write, saying that it may have run. */
        ExoProtocolException readFailure(ExoProtocolException e) {
            return new ExoProtocolException(
                    cmdlet() + ": " + e.getMessage() + (readCmdlet ? "" : WRITE_MAY_HAVE_RUN) + " [client-request-id "
                            + requestId + "]",
                    e.getStatusCode(),
                    requestId,
                    e.getCause());
        }

        /** The first page (nextLink null) or the page behind a nextLink, with retries and token refresh. */
        ReceivedPage fetch(URI nextLink, long delivered) {
            if (nextLink != null && !location.isServiceUri(nextLink)) {
                throw new ExoProtocolException(
                        cmdlet() + ": the service's nextLink points at " + nextLink.getScheme() + "://"
                                + nextLink.getRawAuthority() + ", not at " + location.base()
                                + "; not followed, the token would leave the service"
                                + " [client-request-id " + requestId + "]",
                        200,
                        requestId,
                        null);
            }
            URI uri = nextLink != null ? nextLink : location.resolve(firstPageRelative);
            int preferred = limit.preferredPageSize(request.pageSize(), delivered);
            RequestAttempts attempts = new RequestAttempts(observer, cmdlet());
            try {
                ReceivedPage page = send(this, uri, nextLink, sendsBody(nextLink), preferred, attempts);
                attempts.succeeded();
                return page;
            } catch (RuntimeException e) {
                attempts.failed();
                throw e;
            }
        }

        /** The caller received these records of the call since it last said so. */
        void recordsDelivered(long records) {
            observer.recordsDelivered(cmdlet(), records);
        }

        /**
         * Whether a page is requested by POSTing the call's body. Entity routes (Get-EXO*) have none and are read by GET.
         * InvokeCommand POSTs it for the first page; a nextLink as {@link #NEXT_PAGE_RESENDS_BODY} says.
         */
        private boolean sendsBody(URI nextLink) {
            return body != null && (nextLink == null || NEXT_PAGE_RESENDS_BODY);
        }
    }

    private ReceivedPage send(
            Call call, URI target, URI nextLink, boolean post, int preferredPageSize, RequestAttempts attempts) {
        URI uri = target;
        boolean tokenRefreshed = false;
        boolean forceRefresh = false;
        String claims = null;
        int retries = 0;
        int redirects = 0;
        Set<URI> requested = new HashSet<>(Set.of(target));
        RetryPolicy retryPolicy = call.options.retryPolicy();
        while (true) {
            HttpRequest request =
                    buildRequest(call, uri, post, preferredPageSize, tokens.accessToken(forceRefresh, claims));
            forceRefresh = false;
            claims = null;
            GovernedHttp.Answer answer;
            try {
                answer = http.exchange(request, call.options.requestTimeout(), MAX_ERROR_BODY_BYTES, attempts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExoException(
                        call.cmdlet() + " was interrupted [client-request-id " + call.requestId + "]",
                        0,
                        null,
                        call.requestId,
                        e);
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (retryPolicy.shouldRetryTransport(call.readCmdlet, neverSent, retries)) {
                    pause(call, retryPolicy.delay(null, retries), e.toString());
                    retries++;
                    continue;
                }
                throw new ExoException(
                        call.cmdlet() + " failed: no answer from " + uri.getHost() + " (" + e + ")"
                                + (call.readCmdlet || neverSent ? "" : WRITE_MAY_HAVE_RUN)
                                + " [client-request-id " + call.requestId + "]",
                        0,
                        null,
                        call.requestId,
                        e);
            } catch (GovernedHttp.BodyBrokeOff e) {
                // the answer was accepted and its body broke off: a read asks again, a write may have run
                if (!retryPolicy.shouldRetryTransport(call.readCmdlet, false, retries)) {
                    throw call.readFailure(e.failure);
                }
                pause(call, retryPolicy.delay(null, retries), e.failure.getMessage());
                retries++;
                continue;
            }
            int status = answer.status();
            if (status >= 200 && status < 300) {
                return new ReceivedPage(answer.body(), answer.gzip(), status, call.requestId, call, nextLink);
            }
            if (answer.location() != null) {
                URI redirectedTo = uri.resolve(answer.location());
                URI regional = location.pinRedirect(redirectedTo);
                if (regional == null) {
                    throw new ExoProtocolException(
                            call.cmdlet() + ": the service redirected the call to " + redirectedTo.getScheme() + "://"
                                    + redirectedTo.getRawAuthority() + ", not a host of " + location.configuredBase()
                                    + "; not followed, the token would leave"
                                    + " the service [client-request-id " + call.requestId + "]",
                            status,
                            call.requestId,
                            null);
                }
                LOG.info(
                        "{} redirected the call to its regional host; pinned {} for this session",
                        location.configuredBase().getHost(),
                        regional);
                uri = location.rebase(uri);
                boolean loop = !requested.add(uri);
                if (loop || ++redirects > MAX_REDIRECTS) {
                    throw new ExoProtocolException(
                            call.cmdlet() + ": the service redirected the call "
                                    + (loop ? "in a loop, back to " + uri : "more than " + MAX_REDIRECTS + " times")
                                    + "; not followed [client-request-id " + call.requestId + "]",
                            status,
                            call.requestId,
                            null);
                }
                continue;
            }
            ServiceError error = ServiceError.decode(
                    status, answer.body(), answer.exceptionType(), answer.retryAfter(), call.requestId);
            if (error.isThrottling()) {
                statistics.throttledResponse();
                attempts.throttled();
            }
            if (status == 401 && !tokenRefreshed) {
                claims = ClaimsChallenge.claims(answer.authenticate());
                LOG.debug(
                        "{} got HTTP 401{}; signing in again and repeating once [client-request-id {}]",
                        call.cmdlet(),
                        claims != null ? " with a claims challenge" : "",
                        call.requestId);
                tokenRefreshed = true;
                forceRefresh = true;
                continue;
            }
            if (retryPolicy.shouldRetry(error, call.readCmdlet, retries)) {
                pause(call, retryPolicy.delay(error.retryAfter(), retries), error.toString());
                retries++;
                continue;
            }
            throw error.toException(call.cmdlet(), !call.readCmdlet);
        }
    }

    private HttpRequest buildRequest(Call call, URI uri, boolean post, int preferredPageSize, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(call.options.requestTimeout())
                .header("Authorization", "Bearer " + token);
        callHeaders(call, call.batchEnvelope ? BATCH_PREFER : "odata.maxpagesize=" + preferredPageSize)
                .forEach(builder::header);
        if (post) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(call.body));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    /** The module's headers of one call besides its token and body: on its own request, or on its {@code $batch} item. */
    Map<String, String> callHeaders(Call call, String prefer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Accept-Encoding", "gzip");
        headers.put("Accept-Language", "en-US");
        headers.put("User-Agent", "camel-exchangeonline");
        headers.put("X-ClientApplication", CLIENT_APPLICATION);
        headers.put("X-CmdletName", call.cmdlet());
        headers.put("X-ResponseFormat", "json");
        headers.put("X-SerializationLevel", "Partial");
        headers.put("Prefer", prefer);
        headers.put("client-request-id", call.requestId);
        headers.put("connection-id", connectionId);
        if (call.options.sendAnchor() && anchorMailbox != null) {
            headers.put("X-AnchorMailbox", anchorMailbox);
        }
        return headers;
    }

    private void pause(Call call, Duration delay, String reason) {
        statistics.retried();
        LOG.debug(
                "{} will be retried in {} ms after {} [client-request-id {}]",
                call.cmdlet(),
                delay.toMillis(),
                reason,
                call.requestId);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExoException(
                    call.cmdlet() + " was interrupted while waiting to retry [client-request-id " + call.requestId
                            + "]",
                    0,
                    null,
                    call.requestId,
                    e);
        }
    }
}
