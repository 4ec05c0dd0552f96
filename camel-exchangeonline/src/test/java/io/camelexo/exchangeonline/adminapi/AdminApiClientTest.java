package io.camelexo.exchangeonline.adminapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.camelexo.exchangeonline.support.AdminApiWire.JSON;
import static io.camelexo.exchangeonline.support.AdminApiWire.MORE_RESULTS;
import static io.camelexo.exchangeonline.support.AdminApiWire.error;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import io.camelexo.exchangeonline.support.LogCapture;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Admin API client against a WireMock Exchange Online on loopback: headers, paging, retries, errors. No Camel. */
class AdminApiClientTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";

    private static final ExecutorService PAGE_FETCHER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-page-fetcher");
        thread.setDaemon(true);
        return thread;
    });

    private WireMockServer exo;
    private AdminApiClient client;
    private final ClientStatistics statistics = new ClientStatistics();
    private final List<Boolean> tokenRequests = new ArrayList<>();
    private final CallOptions options = new CallOptions(
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(2)), Duration.ofSeconds(10), true);

    @BeforeEach
    void start() {
        exo = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        exo.start();
        AtomicInteger issued = new AtomicInteger();
        client = new AdminApiClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new ServiceLocation(URI.create(exo.baseUrl()), TENANT),
                (force, claims) -> {
                    tokenRequests.add(force);
                    return "token-" + (force ? issued.incrementAndGet() : issued.get());
                },
                AnchorMailbox.forApp(TENANT),
                "conn-1",
                statistics,
                null,
                new RequestGovernor(8),
                PAGE_FETCHER,
                CallObserver.NONE);
    }

    @AfterEach
    void stop() {
        exo.stop();
    }

    private String next(int page) {
        return exo.baseUrl() + INVOKE + "?$skiptoken=" + page;
    }

    private void stubPages(int pages, int perPage, List<String> warnings) {
        for (int p = 1; p <= pages; p++) {
            var request = post(urlPathEqualTo(INVOKE));
            request = p == 1
                    ? request.withQueryParam("$skiptoken", absent())
                    : request.withQueryParam("$skiptoken", equalTo(String.valueOf(p)));
            List<String> pageWarnings = new ArrayList<>(warnings);
            if (p < pages) {
                pageWarnings.add(MORE_RESULTS);
            }
            exo.stubFor(request.willReturn(aResponse()
                    .withHeader("Content-Type", "application/json;odata.metadata=minimal;odata.streaming=true")
                    .withBody(page(
                            mailboxes((p - 1) * perPage, perPage), p < pages ? next(p + 1) : null, pageWarnings))));
        }
    }

    private List<Map<String, Object>> readAll(CmdletResult result) {
        List<Map<String, Object>> records = new ArrayList<>();
        result.forEachRemaining(records::add);
        return records;
    }

    @Test
    void sendsTheModuleHeadersAndBody() throws Exception {
        stubPages(1, 2, List.of());
        CmdletResult result = client.invoke(
                new CmdletRequest("Get-Mailbox", Map.of("Identity", "anna@contoso.com"), List.of("DisplayName"), 250),
                options);
        assertThat(readAll(result)).hasSize(2);

        LoggedRequest sent =
                exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE))).get(0);
        assertThat(sent.getUrl()).isEqualTo(INVOKE + "?$select=DisplayName");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer token-0");
        assertThat(sent.getHeader("X-CmdletName")).isEqualTo("Get-Mailbox");
        assertThat(sent.getHeader("X-AnchorMailbox"))
                .isEqualTo("UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + TENANT);
        assertThat(sent.getHeader("Prefer")).isEqualTo("odata.maxpagesize=250");
        assertThat(sent.getHeader("X-ResponseFormat")).isEqualTo("json");
        assertThat(sent.getHeader("Accept-Language")).isEqualTo("en-US");
        assertThat(sent.getHeader("Accept-Encoding")).contains("gzip");
        assertThat(sent.getHeader("connection-id")).isEqualTo("conn-1");
        assertThat(sent.getHeader("client-request-id"))
                .isEqualTo(result.requestId())
                .hasSize(36);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.toString())
                .isEqualTo(
                        "{\"CmdletInput\":{\"CmdletName\":\"Get-Mailbox\",\"Parameters\":{\"Identity\":\"anna@contoso.com\"}}}");
    }

    @Test
    void unlimitedFollowsEveryNextLinkByRePostingTheSameBodyAndRequestId() {
        stubPages(3, 4, List.of("Mailbox user3 is on hold."));
        CmdletResult result = client.invoke(
                new CmdletRequest("Get-Mailbox", Map.of("ResultSize", "Unlimited"), List.of(), 4), options);
        List<Map<String, Object>> records = readAll(result);

        assertThat(records)
                .extracting(r -> r.get("Identity"))
                .containsExactly(
                        "user0", "user1", "user2", "user3", "user4", "user5", "user6", "user7", "user8", "user9",
                        "user10", "user11");
        List<LoggedRequest> sent = exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(r -> r.getHeader("client-request-id")).containsOnly(result.requestId());
        assertThat(sent)
                .extracting(LoggedRequest::getBodyAsString)
                .containsOnly(
                        "{\"CmdletInput\":{\"CmdletName\":\"Get-Mailbox\",\"Parameters\":{\"ResultSize\":\"Unlimited\"}}}");
        assertThat(result.warnings()).containsExactly("Mailbox user3 is on hold.");
        assertThat(result.pagesRequested()).isEqualTo(3);
    }

    @Test
    void withoutResultSizeOnlyTheFirstPageComesAndTheMoreResultsWarningStays() {
        stubPages(3, 4, List.of());
        CmdletResult result = client.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 4), options);
        assertThat(readAll(result)).hasSize(4);
        assertThat(result.warnings()).containsExactly(MORE_RESULTS);
        exo.verify(1, postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    @Test
    void numericResultSizeAsksOnlyForWhatRemains() {
        stubPages(3, 4, List.of());
        CmdletResult result =
                client.invoke(new CmdletRequest("Get-Mailbox", Map.of("ResultSize", 6), List.of(), 4), options);
        assertThat(readAll(result)).hasSize(6);
        List<LoggedRequest> sent = exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
        assertThat(sent)
                .extracting(r -> r.getHeader("Prefer"))
                .containsExactly("odata.maxpagesize=4", "odata.maxpagesize=2");
        assertThat(sent.get(0).getBodyAsString()).contains("\"ResultSize\":6");
        // the result was cut: the notice of the last page read reaches the caller
        assertThat(result.warnings()).containsExactly(MORE_RESULTS);
    }

    @Test
    void throttlingWithDecimalRetryAfterIsWaitedOutWithTheSameRequestId() {
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "0.5")
                        .withHeader("Rate-Limit-Remaining", "0"))
                .willSetStateTo("open"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("throttle")
                .whenScenarioStateIs("open")
                .willReturn(aResponse().withBody(page(mailboxes(0, 1), null, List.of()))));
        CmdletResult result;
        try (LogCapture logs = LogCapture.capture(Level.DEBUG)) {
            result = client.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 10), options);
            assertThat(readAll(result)).hasSize(1);
            // the wait the service asked for, not the policy's 10 ms backoff; read from the client, not from a
            // stopwatch
            assertThat(logs.lines())
                    .anySatisfy(line -> assertThat(line).contains("Get-Mailbox will be retried in 500 ms"));
        }
        assertThat(exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE))))
                .extracting(r -> r.getHeader("client-request-id"))
                .hasSize(2)
                .containsOnly(result.requestId());
        assertThat(statistics.throttledResponses()).isEqualTo(1);
    }

    @Test
    void htmlServiceUnavailableIsRetriedForReads() {
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>Service Unavailable</title></head></html>"))
                .willSetStateTo("up"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("busy")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(page(mailboxes(0, 2), null, List.of()))));
        assertThat(readAll(client.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 10), options)))
                .hasSize(2);
    }

    @Test
    void persistentHtmlErrorEndsAsProtocolExceptionAfterTheRetries() {
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse().withStatus(503).withBody("<html><title>Down</title></html>")));
        assertThatThrownBy(() -> client.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 10), options))
                .isInstanceOf(ExoProtocolException.class)
                .hasMessageContaining("'Down'");
        exo.verify(4, postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    @Test
    void aNulBodyForbiddenIsAccessDeniedAndNotRetried() {
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse().withStatus(403).withBody(new byte[512])));
        assertThatThrownBy(() -> client.invoke(
                        new CmdletRequest("Get-RetentionCompliancePolicy", Map.of(), List.of(), 10), options))
                .isInstanceOf(io.camelexo.exchangeonline.error.ExoAccessDeniedException.class)
                .hasMessageContaining("512 NUL bytes")
                .hasMessageContaining("scc:");
        exo.verify(1, postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    @Test
    void bypassMailboxAnchoringSendsNoAnchor() {
        stubPages(1, 1, List.of());
        readAll(client.invoke(
                new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 10),
                new CallOptions(options.retryPolicy(), options.requestTimeout(), false)));
        assertThat(exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE))).get(0).containsHeader("X-AnchorMailbox"))
                .isFalse();
    }

    @Test
    void aWriteIsNotResentAfterAServerError() {
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody(error(
                                "InternalServerError",
                                null,
                                "Microsoft.Exchange.Data.Directory.ADTransientException"))));
        assertThatThrownBy(() -> client.invoke(
                        new CmdletRequest("Set-Mailbox", Map.of("Identity", "a", "Type", "Shared"), List.of(), 10),
                        options))
                .isInstanceOf(ExoCmdletException.class);
        exo.verify(1, postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    @Test
    void aWriteIsResentAfterTheConcurrencyRejection() {
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("c")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "text/plain")
                                .withBody(
                                        "You have reached the maximum number of concurrent requests per tenant. Please wait and try again"))
                .willSetStateTo("free"));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("c")
                .whenScenarioStateIs("free")
                .willReturn(aResponse().withBody(page(List.of(), null, List.of()))));
        assertThat(readAll(client.invoke(
                        new CmdletRequest("Set-Mailbox", Map.of("Identity", "a"), List.of(), 10), options)))
                .isEmpty();
        exo.verify(2, postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    @Test
    void unauthorizedRefreshesTheTokenOnceThenGivesUp() {
        exo.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> client.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 10), options))
                .isInstanceOf(ExoAuthenticationException.class)
                .hasMessageContaining("HTTP 401");
        assertThat(tokenRequests).containsExactly(false, true);
        assertThat(exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE))))
                .extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer token-0", "Bearer token-1");
    }

    @Test
    void gzipBodiesAreDecodedAndFalseGzipClaimsTolerated() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(page(mailboxes(0, 3), null, List.of()).getBytes(StandardCharsets.UTF_8));
        }
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .withHeader("X-CmdletName", equalTo("Get-Mailbox"))
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(zipped.toByteArray())));
        exo.stubFor(post(urlPathEqualTo(INVOKE))
                .withHeader("X-CmdletName", equalTo("Get-User"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(error(
                                "NotFound",
                                "Ex1|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|gone",
                                "T"))));
        assertThat(readAll(client.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 10), options)))
                .hasSize(3);
        assertThatThrownBy(() -> client.invoke(new CmdletRequest("Get-User", Map.of(), List.of(), 10), options))
                .isInstanceOfSatisfying(
                        ExoCmdletException.class,
                        e -> assertThat(e.getExceptionType()).isEqualTo("ManagementObjectNotFoundException"));
    }

    @Test
    void aResponseThatStopsHalfwayFailsAtTheRequestTimeoutInsteadOfHanging() throws Exception {
        // a server that sends the headers and half a page, then goes silent
        try (java.net.ServerSocket stalling =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (java.net.Socket socket = stalling.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    String half = page(mailboxes(0, 50), null, List.of()).substring(0, 5000);
                    socket.getOutputStream()
                            .write(
                                    ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                                                    + half)
                                            .getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    Thread.sleep(10_000);
                } catch (Exception ignored) {
                    // the client hung up
                }
            });
            server.setDaemon(true);
            server.start();
            AdminApiClient stalled = new AdminApiClient(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    new ServiceLocation(URI.create("http://127.0.0.1:" + stalling.getLocalPort()), TENANT),
                    (force, claims) -> "token",
                    AnchorMailbox.forApp(TENANT),
                    "conn-1",
                    statistics,
                    null,
                    new RequestGovernor(8),
                    PAGE_FETCHER,
                    CallObserver.NONE);
            CallOptions oneSecond = new CallOptions(
                    new RetryPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1)), Duration.ofSeconds(1), true);
            // the server holds the connection for 10 s: only the stall guard fails it with this message
            assertThatThrownBy(() -> readAll(
                            stalled.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 10), oneSecond)))
                    .isInstanceOf(ExoProtocolException.class)
                    .hasMessageContaining("no data for 1 s");
        }
    }

    @Test
    void aConnectionThatBreaksMidPageIsReadAgainWithoutLosingOrRepeatingRecords() throws Exception {
        byte[] full = page(mailboxes(0, 50), null, List.of()).getBytes(StandardCharsets.UTF_8);
        List<String> requestIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.ServerSocket flaky = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                for (int connection = 0; connection < 2; connection++) {
                    try (java.net.Socket socket = flaky.accept()) {
                        StringBuilder request = new StringBuilder();
                        while (request.indexOf("\r\n\r\n") < 0) {
                            request.append((char) socket.getInputStream().read());
                        }
                        requestIds.add(request.toString()
                                .lines()
                                .filter(l -> l.toLowerCase().startsWith("client-request-id:"))
                                .findFirst()
                                .orElse("?"));
                        String headers = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + full.length + "\r\n\r\n";
                        socket.getOutputStream().write(headers.getBytes(StandardCharsets.UTF_8));
                        // the first answer breaks off after 20 records' worth of bytes
                        socket.getOutputStream().write(full, 0, connection == 0 ? full.length * 2 / 5 : full.length);
                        socket.getOutputStream().flush();
                    } catch (java.io.IOException ignored) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            AdminApiClient flakyClient = new AdminApiClient(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    new ServiceLocation(URI.create("http://127.0.0.1:" + flaky.getLocalPort()), TENANT),
                    (force, claims) -> "token",
                    AnchorMailbox.forApp(TENANT),
                    "conn-1",
                    statistics,
                    null,
                    new RequestGovernor(8),
                    PAGE_FETCHER,
                    CallObserver.NONE);
            List<Map<String, Object>> records =
                    readAll(flakyClient.invoke(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 50), options));
            assertThat(records)
                    .extracting(r -> r.get("Identity"))
                    .hasSize(50)
                    .doesNotHaveDuplicates()
                    .startsWith("user0")
                    .endsWith("user49");
            // the page is asked for again as part of the same call: same client-request-id
            assertThat(requestIds).hasSize(2).doesNotContain("?");
            assertThat(requestIds.get(1)).isEqualTo(requestIds.get(0));
        }
    }

    @Test
    void closingEarlyStopsThePaging() {
        stubPages(3, 4, List.of());
        CmdletResult result = client.invoke(
                new CmdletRequest("Get-Mailbox", Map.of("ResultSize", "Unlimited"), List.of(), 4),
                options.withPrefetchPages(0));
        result.next();
        result.close();
        assertThat(result.hasNext()).isFalse();
        exo.verify(1, postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    @Test
    void closingEarlyLeavesAtMostThePageReadAhead() {
        stubPages(4, 4, List.of());
        CmdletResult result = client.invoke(
                new CmdletRequest("Get-Mailbox", Map.of("ResultSize", "Unlimited"), List.of(), 4),
                options.withPrefetchPages(1));
        result.next();
        result.close();
        assertThat(result.hasNext()).isFalse();
        assertThat(exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))).hasSizeBetween(1, 2);
    }

    @Test
    void secureStringParametersAreEncryptedWithTheKeyFromTheModuleFile() throws Exception {
        java.security.KeyPair keys = io.camelexo.exchangeonline.support.AdminApiWire.rsaKeyPair();
        String keyXml = io.camelexo.exchangeonline.support.AdminApiWire.keyXml(keys);
        exo.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo("/adminapi/v1.0/" + TENANT + "/EXOModuleFile"))
                .willReturn(aResponse()
                        .withBody(
                                "{\"value\":[{\"exportedCmdlets\":\"New-Mailbox\",\"module\":\"# proxy module\\n$key = '"
                                        + keyXml + "'\"}]}")));
        exo.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withBody(page(List.of(), null, List.of()))));

        for (int i = 0; i < 2; i++) {
            readAll(client.invoke(
                    new CmdletRequest(
                            "New-Mailbox",
                            Map.of(
                                    "Name",
                                    "Room 4.12",
                                    "Room",
                                    true,
                                    "RoomMailboxPassword",
                                    io.camelexo.exchangeonline.adminapi.ExoSecureString.of("Sëcret-" + i)),
                            List.of(),
                            10),
                    options));
        }
        exo.verify(
                1,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/adminapi/v1.0/" + TENANT + "/EXOModuleFile")));
        List<LoggedRequest> sent = exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
        javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(javax.crypto.Cipher.DECRYPT_MODE, keys.getPrivate());
        for (int i = 0; i < 2; i++) {
            JsonNode parameters = JSON.readTree(sent.get(i).getBodyAsString())
                    .path("CmdletInput")
                    .path("Parameters");
            String encrypted = parameters.path("RoomMailboxPassword").asText();
            assertThat(encrypted).hasSize(344).doesNotContain("Sëcret");
            assertThat(new String(rsa.doFinal(java.util.Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8))
                    .isEqualTo("Sëcret-" + i);
            assertThat(parameters.path("Room").asBoolean()).isTrue();
        }
    }

    @Test
    void adminApiErrorsOnSuccessFailTheCallAfterItsRecords() {
        exo.stubFor(
                post(urlPathEqualTo(INVOKE))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "{\"value\":[{\"Identity\":\"a\"}],\"@adminapi.errors\":[\"Ex2|Microsoft.Exchange.RecipientTaskException|b could not be updated\"]}")));
        CmdletResult result = client.invoke(new CmdletRequest("Set-Mailbox", Map.of(), List.of(), 10), options);
        assertThat(result.next()).containsEntry("Identity", "a");
        assertThatThrownBy(result::hasNext).isInstanceOfSatisfying(ExoCmdletException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(200);
            assertThat(e.getExceptionType()).isEqualTo("RecipientTaskException");
            assertThat(e.getCmdletMessage()).isEqualTo("b could not be updated");
        });
    }
}
