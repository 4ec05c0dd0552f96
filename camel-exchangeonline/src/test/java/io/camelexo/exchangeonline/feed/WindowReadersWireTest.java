package io.camelexo.exchangeonline.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.adminapi.AdminApiClient;
import io.camelexo.exchangeonline.adminapi.AnchorMailbox;
import io.camelexo.exchangeonline.adminapi.CallObserver;
import io.camelexo.exchangeonline.adminapi.CallOptions;
import io.camelexo.exchangeonline.adminapi.ClientStatistics;
import io.camelexo.exchangeonline.adminapi.RequestGovernor;
import io.camelexo.exchangeonline.adminapi.RetryPolicy;
import io.camelexo.exchangeonline.adminapi.ServiceLocation;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import io.camelexo.exchangeonline.support.AdminApiWire;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both window readers against a fake of the service speaking its wire shapes (annotated records, AuditData as a JSON
 * string, the truncation warning with its cursor) and its ugly answers: an HTML 503, a 429 with a decimal
 * Retry-After, ResultIndex -1, a 403 whose body is NUL bytes, a cursor that does not move.
 */
class WindowReadersWireTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";
    private static final FeedWindow WINDOW =
            new FeedWindow(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-11-30T06:00:00Z"));
    private static final String MORE_TRACE_RESULTS =
            "There are more results, use the following command to get more. Get-MessageTraceV2 ";

    private final ExecutorService pageFetcher = Executors.newCachedThreadPool();
    private WireMockServer exo;
    private Function<
                    io.camelexo.exchangeonline.adminapi.CmdletRequest, io.camelexo.exchangeonline.adminapi.CmdletResult>
            invoke;

    @BeforeEach
    void start() {
        exo = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        exo.start();
        AdminApiClient client = new AdminApiClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new ServiceLocation(URI.create(exo.baseUrl()), TENANT),
                (force, claims) -> "token",
                AnchorMailbox.forApp(TENANT),
                "conn-1",
                new ClientStatistics(),
                null,
                new RequestGovernor(4),
                pageFetcher,
                CallObserver.NONE);
        CallOptions options = new CallOptions(
                        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(2)), Duration.ofSeconds(10), true)
                .withServiceEndingResultSize();
        invoke = request -> client.invoke(request, options);
    }

    @AfterEach
    void stop() {
        exo.stop();
        pageFetcher.shutdownNow();
    }

    /** A Search-UnifiedAuditLog row as the service writes it: annotated numbers and dates, AuditData a JSON string. */
    private static ObjectNode auditRow(int index, int count) {
        ObjectNode row = AdminApiWire.JSON.createObjectNode();
        String id = String.format("a0000000-0000-0000-0000-%012d", index);
        row.put("RecordType", "ExchangeAdmin");
        row.put("CreationDate@data.type", "System.DateTime");
        row.put("CreationDate", "2026-11-30T01:00:00.0000000Z");
        row.put("UserIds", "admin@contoso.com");
        row.put("Operations", "Set-Mailbox");
        row.put("AuditData", "{\"Id\":\"" + id + "\",\"RecordType\":1,\"Operation\":\"Set-Mailbox\"}");
        row.put("ResultIndex@data.type", "System.Int32");
        row.put("ResultIndex", index);
        row.put("ResultCount@data.type", "System.Int32");
        row.put("ResultCount", count);
        row.put("Identity", id);
        row.put("IsValid", true);
        row.put("ObjectState", "Unchanged");
        return row;
    }

    private static List<ObjectNode> auditRows(int fromIndex, int toIndex, int count) {
        return IntStream.rangeClosed(fromIndex, toIndex)
                .mapToObj(i -> auditRow(i, count))
                .toList();
    }

    private static String page(List<ObjectNode> rows, String nextLink, List<String> warnings) {
        return AdminApiWire.page(rows, nextLink, warnings);
    }

    private List<String> read(WindowReader reader) {
        List<String> ids = new ArrayList<>();
        assertThat(reader.read(WINDOW, (record, id) -> ids.add(id))).isTrue();
        return ids;
    }

    private List<JsonNode> parametersSent() throws Exception {
        List<JsonNode> sent = new ArrayList<>();
        for (LoggedRequest request : exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))) {
            if (request.queryParameter("$skiptoken").isPresent()) {
                continue; // a nextLink within a call
            }
            sent.add(AdminApiWire.JSON
                    .readTree(request.getBodyAsString())
                    .path("CmdletInput")
                    .path("Parameters"));
        }
        return sent;
    }

    @Test
    void aSessionOverNextLinksAndRetriedThrottledAndHtmlAnswersIsReadWholeOnce() throws Exception {
        String scenario = "session";
        // call 1: 5,000 rows over two pages; call 2: a 429 with a decimal Retry-After, an HTML 503, then the rest
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .withQueryParam("$skiptoken", absent())
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                page(auditRows(1, 3_000, 7_000), exo.baseUrl() + INVOKE + "?$skiptoken=2", List.of())))
                .willSetStateTo("second page"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .withQueryParam("$skiptoken", equalTo("2"))
                .inScenario(scenario)
                .whenScenarioStateIs("second page")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(auditRows(3_001, 5_000, 7_000), null, List.of())))
                .willSetStateTo("throttled"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario(scenario)
                .whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.2"))
                .willSetStateTo("unavailable"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario(scenario)
                .whenScenarioStateIs("unavailable")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>Service Unavailable</h1></body></html>"))
                .willSetStateTo("rest"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario(scenario)
                .whenScenarioStateIs("rest")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(auditRows(5_001, 7_000, 7_000), null, List.of()))));

        List<String> ids = read(new AuditLogReader(invoke, Map.of(), List.of(), 1000));

        assertThat(ids).hasSize(7_000).doesNotHaveDuplicates();
        assertThat(ids.get(6_999)).isEqualTo(String.format("a0000000-0000-0000-0000-%012d", 7_000));
        List<JsonNode> calls = parametersSent();
        assertThat(calls).hasSize(4); // call 1, then call 2 three times
        assertThat(calls)
                .extracting(parameters -> parameters.path("SessionId").asText())
                .as("one session throughout")
                .containsOnly(calls.get(0).path("SessionId").asText());
        assertThat(calls.get(0).path("SessionCommand").asText()).isEqualTo("ReturnLargeSet");
        assertThat(calls.get(0).path("ResultSize").asInt()).isEqualTo(5_000);
        assertThat(calls.get(0).path("StartDate").asText()).startsWith("2026-11-30T00:00:00");
        assertThat(calls.get(0).path("EndDate").asText()).startsWith("2026-11-30T06:00:00");
    }

    @Test
    void aCallWithResultIndexMinusOneStartsANewSessionAndNoRecordIsHandedOnTwice() throws Exception {
        String scenario = "broken";
        List<ObjectNode> broken = new ArrayList<>(auditRows(1, 40, 0));
        broken.forEach(row -> row.put("ResultIndex", -1));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(broken, null, List.of("The task was canceled."))))
                .willSetStateTo("again"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario(scenario)
                .whenScenarioStateIs("again")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(auditRows(1, 40, 40), null, List.of()))));

        List<String> ids = read(new AuditLogReader(invoke, Map.of("RecordType", "ExchangeAdmin"), List.of(), 1000));

        assertThat(ids).hasSize(40).doesNotHaveDuplicates();
        List<JsonNode> calls = parametersSent();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).path("SessionId").asText())
                .as("a new session")
                .isNotEqualTo(calls.get(0).path("SessionId").asText());
        assertThat(calls.get(1).path("RecordType").asText()).isEqualTo("ExchangeAdmin");
    }

    @Test
    void aForbiddenAnswerOfNulBytesEndsTheReadWithItsStatusAndNoGarbage() {
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse().withStatus(403).withBody(new byte[64])));

        assertThatThrownBy(() -> read(new AuditLogReader(invoke, Map.of(), List.of(), 1000)))
                .isInstanceOf(ExoException.class)
                .satisfies(failure -> {
                    assertThat(((ExoException) failure).getStatusCode()).isEqualTo(403);
                    assertThat(failure.getMessage()).doesNotContain("\u0000");
                });
    }

    /** A Get-MessageTraceV2 row as the service writes it, Received with seven fractional digits. */
    private static ObjectNode traceRow(String id, String received, String recipient) {
        ObjectNode row = AdminApiWire.JSON.createObjectNode();
        row.put("MessageTraceId", id);
        row.put("MessageId", "<" + id + "@eurprd03.prod.outlook.com>");
        row.put("Received@data.type", "System.DateTime");
        row.put("Received", received);
        row.put("SenderAddress", "noreply@partner.example");
        row.put("RecipientAddress", recipient);
        row.put("Subject", "Invoice");
        row.put("Status", "Delivered");
        row.put("Size@data.type", "System.Int32");
        row.put("Size", 48213);
        return row;
    }

    private static String truncation(String lastReceived, String lastRecipient) {
        return MORE_TRACE_RESULTS + "-StartDate \"2026-11-30T00:00:00.0000000Z\" -EndDate \"" + lastReceived
                + "\" -StartingRecipientAddress \"" + lastRecipient + "\" -ResultSize 5000";
    }

    @Test
    void aTruncatedTraceAnswerIsContinuedFromItsLastRowVerbatimAndEndsOnAnAnswerWithoutTheWarning() throws Exception {
        String last = "2026-11-30T04:41:12.5170000Z";
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .withRequestBody(matchingJsonPath("$.CmdletInput.Parameters.StartingRecipientAddress", absent()))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(
                                List.of(
                                        traceRow("m1", "2026-11-30T05:52:40.1120000Z", "a@contoso.com"),
                                        traceRow("m2", last, "b@contoso.com")),
                                null,
                                List.of(truncation(last, "b@contoso.com"))))));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .withRequestBody(matchingJsonPath("$.CmdletInput.Parameters.EndDate", equalTo(last)))
                .withRequestBody(
                        matchingJsonPath("$.CmdletInput.Parameters.StartingRecipientAddress", equalTo("b@contoso.com")))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(List.of(traceRow("m2", last, "c@contoso.com")), null, List.of()))));

        List<String> ids = read(new MessageTraceReader(invoke, Map.of(), List.of(), 1000, unlimitedQuota()));

        assertThat(ids).containsExactly("m1/a@contoso.com", "m2/b@contoso.com", "m2/c@contoso.com");
        assertThat(parametersSent()).hasSize(2);
    }

    @Test
    void aTraceCursorThatDoesNotMoveEndsWithAProtocolErrorInsteadOfLooping() {
        String last = "2026-11-30T04:41:12.5170000Z";
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(
                                List.of(traceRow("m2", last, "b@contoso.com")),
                                null,
                                List.of(truncation(last, "b@contoso.com"))))));

        assertThatThrownBy(() -> read(new MessageTraceReader(invoke, Map.of(), List.of(), 1000, unlimitedQuota())))
                .isInstanceOf(ExoProtocolException.class)
                .hasMessageContaining("the cursor does not move");
        assertThat(exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))).hasSize(2);
    }

    private static RequestQuota unlimitedQuota() {
        return new RequestQuota(1_000, Duration.ofMinutes(5));
    }
}
