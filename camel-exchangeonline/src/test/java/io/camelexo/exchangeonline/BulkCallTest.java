package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.FakeBatchService;
import io.camelexo.exchangeonline.support.FakeBatchService.Answer;
import io.camelexo.exchangeonline.support.FakeBatchService.EnvelopeFault;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * bulk=true through real routes against a fake of the service's $batch endpoint in its wire shape: envelopes of up to
 * batchSize items, results in input order, per-item errors and retries by the single-call rules (a write answered
 * ambiguously is never sent again), nextLink paging of an item, single calls for cmdlets the service does not batch,
 * and the session's limit of requests in flight.
 */
class BulkCallTest extends WireMockExchangeTest {

    static final String BATCH = "/adminapi/beta/" + TENANT + "/$batch";
    static final int MAX_RETRIES = 2;
    static final FakeBatchService SERVICE = new FakeBatchService();
    static final KeyPair SECURE_STRING_KEYS = AdminApiWire.rsaKeyPair();

    @AfterAll
    static void stopService() {
        SERVICE.server().stop();
    }

    @BeforeEach
    void resetService() {
        SERVICE.reset(BATCH);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                ExoConfiguration defaults = useWireMockExchange(SERVICE.server().baseUrl(), 1);
                defaults.setMaxRetries(MAX_RETRIES);
                defaults.setSecureStringPublicKey(AdminApiWire.keyXml(SECURE_STRING_KEYS));
            }
        };
    }

    private Exchange bulk(String uri, Object body) throws Exception {
        String route = "direct:" + Integer.toHexString(uri.hashCode());
        if (context.getRoute(route) == null) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(route).routeId(route).to(uri);
                }
            });
        }
        return template.request(route, e -> e.getIn().setBody(body));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    private static void assertNoErrors(Exchange exchange) {
        assertThat(entries(exchange))
                .allSatisfy(entry -> assertThat(entry.get("Error")).isNull());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("Error");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> entry) {
        return (List<Map<String, Object>>) entry.get("Records");
    }

    private static List<String> identities(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "user" + i + "@contoso.com")
                .toList();
    }

    @Test
    void envelopesHoldUpToBatchSizeConsecutiveItemsAndTheBodyListsOneEntryPerItemInInputOrder() throws Exception {
        List<String> inputs = identities(25);
        Exchange exchange = bulk("exo:Get-Mailbox?bulk=true&inBody=Identity", inputs);

        List<Map<String, Object>> entries = entries(exchange);
        assertThat(entries).extracting(entry -> entry.get("Input")).containsExactlyElementsOf(inputs);
        assertThat(entries)
                .extracting(entry -> records(entry).get(0).get("Identity"))
                .containsExactlyElementsOf(inputs);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry).containsOnlyKeys("Input", "Records", "Warnings", "Error");
            assertThat(entry.get("Error")).isNull();
            assertThat(entry.get("Warnings")).isEqualTo(List.of());
        });
        assertThat(exchange.getMessage().getHeader(ExoConstants.RESULT_COUNT)).isEqualTo(25);
        assertThat(exchange.getMessage().getHeader(ExoConstants.FAILED_COUNT)).isEqualTo(0);

        List<List<FakeBatchService.Item>> envelopes = SERVICE.envelopes();
        assertThat(envelopes).extracting(List::size).containsExactlyInAnyOrder(10, 10, 5);
        for (List<FakeBatchService.Item> envelope : envelopes) {
            int first = inputs.indexOf(envelope.get(0).identity());
            assertThat(envelope)
                    .extracting(FakeBatchService.Item::identity)
                    .containsExactlyElementsOf(inputs.subList(first, first + envelope.size()));
            assertThat(envelope)
                    .extracting(FakeBatchService.Item::id)
                    .containsExactlyElementsOf(IntStream.range(0, envelope.size())
                            .mapToObj(String::valueOf)
                            .toList());
        }
    }

    @Test
    void mapItemsAreEachCallsParametersOverTheUrisAndEachItemIsACallOfItsOwn() throws Exception {
        List<Map<String, Object>> inputs = List.of(
                Map.of("Identity", "anna@contoso.com"),
                Map.of("Identity", "ben@contoso.com", "Type", "Room"),
                Map.of("Identity", "carl@contoso.com"));
        Exchange exchange = bulk("exo:Set-Mailbox?bulk=true&batchSize=2&Type=Shared", inputs);

        assertThat(entries(exchange)).extracting(entry -> entry.get("Input")).containsExactlyElementsOf(inputs);
        List<List<FakeBatchService.Item>> envelopes = SERVICE.envelopes();
        assertThat(envelopes).extracting(List::size).containsExactlyInAnyOrder(2, 1);
        List<FakeBatchService.Item> items =
                envelopes.stream().flatMap(List::stream).toList();
        assertThat(items)
                .filteredOn(item -> item.identity().equals("ben@contoso.com"))
                .singleElement()
                .satisfies(item ->
                        assertThat(item.parameters().path("Type").asText()).isEqualTo("Room"));
        assertThat(items)
                .filteredOn(item -> !item.identity().equals("ben@contoso.com"))
                .allSatisfy(item ->
                        assertThat(item.parameters().path("Type").asText()).isEqualTo("Shared"));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.method()).isEqualTo("POST");
            assertThat(item.url())
                    .isEqualTo(SERVICE.server().baseUrl() + "/adminapi/beta/" + TENANT + "/InvokeCommand");
            assertThat(item.cmdlet()).isEqualTo("Set-Mailbox");
            assertThat(item.headers().path("Prefer").asText()).contains("odata.continue-on-error");
        });
        assertThat(items)
                .extracting(item -> item.headers().path("client-request-id").asText())
                .doesNotHaveDuplicates();
        assertThat(SERVICE.server().findAll(postRequestedFor(urlPathEqualTo(BATCH))))
                .allSatisfy(envelope -> assertThat(envelope.getHeader("Prefer")).isEqualTo("odata.continue-on-error"));
    }

    @Test
    void anItemsErrorInEachOfTheThreeDetailFormatsIsItsEntrysErrorAndTheOthersSucceed() throws Exception {
        Map<String, Answer> failures = Map.of(
                "pipe@contoso.com",
                Answer.error(
                        404,
                        AdminApiWire.error(
                                "NotFound",
                                "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'pipe@contoso.com' couldn't be found.",
                                "Microsoft.Exchange.Admin.OData.Core.ODataServiceException")),
                "json@contoso.com",
                Answer.error(
                        400,
                        AdminApiWire.error(
                                "BadRequest",
                                "{\"Message\":\"A parameter cannot be found that matches parameter name 'Frobnicate'.\",\"TypeName\":\"System.Management.Automation.ParameterBindingException\",\"StackTrace\":null,\"InnerError\":null}",
                                "ODataServiceException")),
                "localized@contoso.com",
                Answer.error(
                        400,
                        AdminApiWire.error(
                                "BadRequest",
                                "{\"localizedString\":{\"stringId\":\"ErrorRecipientNotFound\"},\"ClassName\":\"Microsoft.Exchange.Data.Directory.RecipientNotFoundException\",\"Message\":\"The recipient localized@contoso.com wasn't found.\"}",
                                "ODataServiceException")));
        SERVICE.answerItems(running -> failures.getOrDefault(
                running.item().identity(), Answer.page(List.of(AdminApiWire.mailbox(1, 0)), null)));
        List<String> inputs =
                List.of("ok1@contoso.com", "pipe@contoso.com", "json@contoso.com", "localized@contoso.com");

        Exchange exchange = bulk("exo:Get-Mailbox?bulk=true&inBody=Identity", inputs);

        List<Map<String, Object>> entries = entries(exchange);
        assertThat(entries.get(0).get("Error")).isNull();
        assertThat(records(entries.get(0))).hasSize(1);
        assertThat(error(entries.get(1)))
                .containsEntry("ExceptionType", "ManagementObjectNotFoundException")
                .containsEntry("StatusCode", 404)
                .containsEntry("ErrorCode", "NotFound")
                .containsEntry("OutcomeUnknown", false);
        assertThat((String) error(entries.get(1)).get("Message")).contains("couldn't be found");
        assertThat(error(entries.get(2)))
                .containsEntry("ExceptionType", "ParameterBindingException")
                .containsEntry("StatusCode", 400)
                .containsEntry("ErrorCode", "BadRequest");
        assertThat((String) error(entries.get(2)).get("Message")).contains("Frobnicate");
        assertThat(error(entries.get(3))).containsEntry("ExceptionType", "RecipientNotFoundException");
        assertThat((String) error(entries.get(3)).get("Message")).contains("wasn't found");
        assertThat(records(entries.get(1))).isEmpty();
        assertThat(exchange.getMessage().getHeader(ExoConstants.FAILED_COUNT)).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(ExoConstants.RESULT_COUNT)).isEqualTo(4);
        // errors are final: nothing was sent twice
        inputs.forEach(identity -> assertThat(SERVICE.received(identity)).isEqualTo(1));
    }

    @Test
    void anItemAnswered429IsSentAgainInALaterEnvelopeAndSucceeds() throws Exception {
        Set<String> throttledOnce = Set.of("user3@contoso.com", "user12@contoso.com");
        SERVICE.answerItems(running -> throttledOnce.contains(running.item().identity()) && running.runsBefore() == 0
                ? Answer.throttled("0.01")
                : Answer.found(running.item()));
        List<String> inputs = identities(15);

        Exchange exchange = bulk("exo:Set-Mailbox?bulk=true&inBody=Identity", inputs);

        assertNoErrors(exchange);
        List<List<FakeBatchService.Item>> envelopes = SERVICE.envelopes();
        for (String identity : throttledOnce) {
            assertThat(SERVICE.received(identity)).isEqualTo(2);
            List<Integer> carriedBy = IntStream.range(0, envelopes.size())
                    .filter(e -> envelopes.get(e).stream()
                            .anyMatch(item -> item.identity().equals(identity)))
                    .boxed()
                    .toList();
            assertThat(carriedBy).hasSize(2);
            assertThat(carriedBy.get(1))
                    .as("the retry goes in a later envelope")
                    .isGreaterThanOrEqualTo(2);
        }
        inputs.stream()
                .filter(identity -> !throttledOnce.contains(identity))
                .forEach(identity -> assertThat(SERVICE.received(identity)).isEqualTo(1));
    }

    @Test
    void aWriteItemAnsweredWithAServerErrorIsNotSentAgainAndItsErrorSaysItMayHaveRun() throws Exception {
        SERVICE.answerItems(running -> running.item().identity().equals("user1@contoso.com")
                ? Answer.error(
                        500,
                        "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"The Active Directory Topology service returned an error: the LDAP server is unavailable.\",\"innererror\":{\"message\":\"The Active Directory Topology service returned an error: the LDAP server is unavailable.\",\"type\":\"Microsoft.Exchange.Data.Directory.ADTransientException\"}}}")
                : Answer.page(List.of(), null));

        Exchange exchange = bulk("exo:Set-Mailbox?bulk=true&inBody=Identity", identities(3));

        Map<String, Object> failed = error(entries(exchange).get(1));
        assertThat(failed).containsEntry("OutcomeUnknown", true).containsEntry("StatusCode", 500);
        assertThat((String) failed.get("Message")).contains("may have run");
        assertThat(SERVICE.received("user1@contoso.com")).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(ExoConstants.FAILED_COUNT)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = EnvelopeFault.class,
            names = {"HTML_503_AFTER_ITEMS_RAN", "CONNECTION_RESET_AFTER_ITEMS_RAN", "NO_ANSWER_AFTER_ITEMS_RAN"})
    void writesOfAnEnvelopeAnsweredAmbiguouslyAreNeverSentAgainAndEachSaysItMayHaveRun(EnvelopeFault fault)
            throws Exception {
        SERVICE.answerEnvelopes(number -> fault);
        List<String> inputs = identities(4);

        Exchange exchange = bulk("exo:Set-Mailbox?bulk=true&inBody=Identity&requestTimeout=500", inputs);

        List<Map<String, Object>> entries = entries(exchange);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(error(entry)).containsEntry("OutcomeUnknown", true);
            assertThat((String) error(entry).get("Message")).contains("may have run");
        });
        inputs.forEach(identity -> assertThat(SERVICE.received(identity)).isEqualTo(1));
        assertThat(SERVICE.envelopes()).hasSize(1);
        assertThat(exchange.getMessage().getHeader(ExoConstants.FAILED_COUNT)).isEqualTo(4);
    }

    @Test
    void readsOfAnEnvelopeThatGotNoAnswerAndAReadAnsweredWithAServerErrorAreSentAgain() throws Exception {
        SERVICE.answerEnvelopes(
                number -> number == 0 ? EnvelopeFault.CONNECTION_RESET_AFTER_ITEMS_RAN : EnvelopeFault.NONE);
        SERVICE.answerItems(running -> running.item().identity().equals("user2@contoso.com") && running.runsBefore() < 2
                ? Answer.error(503, "<html><head><title>Service Unavailable</title></head></html>")
                : Answer.found(running.item()));
        List<String> inputs = identities(3);

        Exchange exchange = bulk("exo:Get-Mailbox?bulk=true&inBody=Identity", inputs);

        assertNoErrors(exchange);
        assertThat(entries(exchange))
                .extracting(entry -> records(entry).get(0).get("Identity"))
                .containsExactlyElementsOf(inputs);
        assertThat(SERVICE.received("user0@contoso.com")).isEqualTo(2);
        // lost with the first envelope, then its own 503 once more
        assertThat(SERVICE.received("user2@contoso.com")).isEqualTo(3);
    }

    @Test
    void anEnvelopeRefusedWholeBeforeItsItemsRanIsSentAgainWhole() throws Exception {
        SERVICE.answerEnvelopes(number -> number == 0 ? EnvelopeFault.THROTTLED_BEFORE_ITEMS_RAN : EnvelopeFault.NONE);
        List<String> inputs = identities(5);

        Exchange exchange = bulk("exo:Set-Mailbox?bulk=true&inBody=Identity", inputs);

        assertNoErrors(exchange);
        assertThat(SERVICE.envelopes()).hasSize(2);
        assertThat(SERVICE.envelopes().get(1))
                .extracting(FakeBatchService.Item::identity)
                .containsExactlyElementsOf(inputs);
        inputs.forEach(identity -> assertThat(SERVICE.runs(identity)).isEqualTo(1));
    }

    @Test
    void aReadItemWithANextLinkIsPagedToItsEndBySingleCallsToTheNextLink() throws Exception {
        String invoke = "/adminapi/beta/" + TENANT + "/InvokeCommand";
        String nextLink = SERVICE.server().baseUrl() + invoke + "?$skiptoken=2";
        SERVICE.answerItems(running -> running.item().identity().equals("paged")
                ? Answer.page(AdminApiWire.mailboxes(0, 3), nextLink)
                : Answer.page(AdminApiWire.mailboxes(100, 1), null));
        SERVICE.server()
                .stubFor(post(urlPathEqualTo(invoke))
                        .withQueryParam("$skiptoken", equalTo("2"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(AdminApiWire.page(AdminApiWire.mailboxes(3, 2), null, List.of()))));

        Exchange exchange =
                bulk("exo:Get-Mailbox?bulk=true&inBody=Identity&ResultSize=Unlimited", List.of("single-page", "paged"));

        List<Map<String, Object>> entries = entries(exchange);
        assertThat(records(entries.get(1)))
                .extracting(record -> record.get("Identity"))
                .containsExactly("user0", "user1", "user2", "user3", "user4");
        assertThat(entries.get(1).get("Warnings"))
                .as("the paging notice is left out")
                .isEqualTo(List.of());
        assertThat(records(entries.get(0))).hasSize(1);
        LoggedRequest followUp = SERVICE.server()
                .findAll(postRequestedFor(urlPathEqualTo(invoke)))
                .get(0);
        JsonNode item = SERVICE.envelopes().get(0).get(1).parameters();
        assertThat(AdminApiWire.JSON
                        .readTree(followUp.getBodyAsString())
                        .path("CmdletInput")
                        .path("Parameters"))
                .isEqualTo(item);
        assertThat(followUp.getHeader("client-request-id"))
                .isEqualTo(SERVICE.envelopes()
                        .get(0)
                        .get(1)
                        .headers()
                        .path("client-request-id")
                        .asText());
    }

    @Test
    void cmdletsTheServiceRoutesByMailboxGoAsSingleCalls() throws Exception {
        String invoke = "/adminapi/beta/" + TENANT + "/InvokeCommand";
        SERVICE.server()
                .stubFor(post(urlPathEqualTo(invoke))
                        .withQueryParam("$skiptoken", absent())
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(AdminApiWire.page(AdminApiWire.mailboxes(0, 1), null, List.of()))));
        List<String> inputs = identities(4);

        Exchange exchange = bulk("exo:Get-MailboxPermission?bulk=true&inBody=Identity", inputs);

        assertThat(entries(exchange))
                .allSatisfy(entry -> assertThat(records(entry)).hasSize(1));
        assertThat(SERVICE.envelopes()).isEmpty();
        assertThat(SERVICE.server().findAll(postRequestedFor(urlPathEqualTo(invoke))))
                .extracting(request -> AdminApiWire.JSON
                        .readTree(request.getBodyAsString())
                        .path("CmdletInput")
                        .path("Parameters")
                        .path("Identity")
                        .asText())
                .containsExactlyInAnyOrderElementsOf(inputs);
    }

    @Test
    void getExoItemsGoAsEntityGetsInsideTheEnvelope() throws Exception {
        SERVICE.answerItems(running -> Answer.page(List.of(AdminApiWire.mailbox(7, 0)), null));

        Exchange exchange = bulk("exo:Get-EXOMailboxStatistics?bulk=true&inBody=Identity", List.of("anna@contoso.com"));

        assertThat(records(entries(exchange).get(0)))
                .extracting(record -> record.get("Identity"))
                .containsExactly("user7");
        FakeBatchService.Item item = SERVICE.envelopes().get(0).get(0);
        assertThat(item.method()).isEqualTo("GET");
        assertThat(item.url())
                .startsWith(SERVICE.server().baseUrl() + "/adminapi/beta/" + TENANT + "/Mailbox(")
                .contains("GetMailboxStatistics");
        assertThat(item.cmdlet()).as("an entity GET has no CmdletInput body").isEmpty();
    }

    @Test
    void secureStringParametersAreEncryptedPerItem() throws Exception {
        List<Map<String, Object>> inputs = List.of(
                Map.of("Name", "room1", "RoomMailboxPassword", "Pass-One"),
                Map.of("Name", "room2", "RoomMailboxPassword", "Pass-Two"));

        bulk("exo:New-Mailbox?bulk=true&Room=true", inputs);

        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, SECURE_STRING_KEYS.getPrivate());
        List<String> decrypted = new ArrayList<>();
        for (FakeBatchService.Item item : SERVICE.envelopes().get(0)) {
            String sent = item.parameters().path("RoomMailboxPassword").asText();
            assertThat(sent).doesNotContain("Pass-");
            decrypted.add(new String(rsa.doFinal(Base64.getDecoder().decode(sent))));
        }
        assertThat(decrypted).containsExactly("Pass-One", "Pass-Two");
    }

    @Test
    void envelopesInFlightNeverExceedMaxConcurrentRequestsAcrossExchangesOfOneSession() throws Exception {
        int limit = 3;
        String uri = "exo:Get-Mailbox?bulk=true&inBody=Identity&batchSize=2&maxConcurrentRequests=" + limit;
        ExoEndpoint endpoint = context.getEndpoint(uri, ExoEndpoint.class);
        bulk(uri, List.of()); // starts the route, and the session with it
        AtomicBoolean opened = new AtomicBoolean();
        // envelopes wait at the server until the limit is reached while more wait at the governor (or, were the
        // governor broken, until more than the limit arrived)
        SERVICE.holdEnvelopesUntil(() -> {
            int inFlight = SERVICE.inFlight();
            if (inFlight > limit
                    || (inFlight == limit && endpoint.getSession().governor().queued() > 0)) {
                opened.set(true);
            }
            return opened.get();
        });

        CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(() -> call(uri, identities(24)));
        CompletableFuture<Exchange> second = CompletableFuture.supplyAsync(() -> call(uri, identities(24)));

        assertThat(entries(first.get()))
                .hasSize(24)
                .allSatisfy(entry -> assertThat(entry.get("Error")).isNull());
        assertThat(entries(second.get()))
                .hasSize(24)
                .allSatisfy(entry -> assertThat(entry.get("Error")).isNull());
        assertThat(SERVICE.maxInFlight()).isEqualTo(limit);
        assertThat(SERVICE.envelopes()).hasSize(24);
    }

    private Exchange call(String uri, Object body) {
        try {
            return bulk(uri, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBodyThatIsNoCollectionOfItemsFailsBeforeAnyRequestNamingTheTypesAccepted() throws Exception {
        Exchange exchange = bulk("exo:Set-Mailbox?bulk=true&inBody=Identity", "anna@contoso.com");

        assertThat(exchange.getException())
                .isInstanceOf(ExoException.class)
                .hasMessageContaining("bulk=true")
                .hasMessageContaining("an Iterable (such as a List), an array or an Iterator")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("nothing was sent");
        assertThat(SERVICE.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void anItemThatIsNoMapWithoutInBodyFailsBeforeAnyRequestNamingTheItem() throws Exception {
        List<Object> inputs = new ArrayList<>(List.of(Map.of("Identity", "anna@contoso.com")));
        inputs.add(42);
        Exchange exchange = bulk("exo:Set-Mailbox?bulk=true", inputs);

        assertThat(exchange.getException())
                .isInstanceOf(ExoException.class)
                .hasMessageContaining("item 1 is a java.lang.Integer")
                .hasMessageContaining("inBody is not set")
                .hasMessageContaining("nothing was sent");
        assertThat(SERVICE.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void anArrayBodyAndAnEmptyBodyAreAccepted() throws Exception {
        Exchange array = bulk("exo:Get-Mailbox?bulk=true&inBody=Identity", new String[] {"a", "b"});
        assertThat(entries(array)).extracting(entry -> entry.get("Input")).containsExactly("a", "b");

        Exchange empty = bulk("exo:Get-Mailbox?bulk=true&inBody=Identity", new LinkedHashMap<>().keySet());
        assertThat(entries(empty)).isEmpty();
        assertThat(empty.getMessage().getHeader(ExoConstants.RESULT_COUNT)).isEqualTo(0);
        assertThat(SERVICE.envelopes()).hasSize(1);
    }

    @Test
    void aBatchSizeOutsideOneToTenFailsTheEndpointNamingTheOptionAndItsRange() {
        assertThatThrownBy(() -> context.getEndpoint("exo:Set-Mailbox?bulk=true&batchSize=11"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("batchSize must be between 1 and 10, got 11");
        assertThatThrownBy(() -> context.getEndpoint("exo:Set-Mailbox?bulk=true&batchSize=0"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("batchSize must be between 1 and 10, got 0");
    }
}
