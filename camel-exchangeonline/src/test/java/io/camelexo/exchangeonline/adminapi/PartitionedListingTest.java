package io.camelexo.exchangeonline.adminapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * parallelPaging against a WireMock Exchange Online: the requests each Name range sends (InvokeCommand and entity
 * route), the merged result, merged warnings, and one range's failure failing the result.
 */
class PartitionedListingTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";
    private static final String MAILBOX_ROUTE = "/adminapi/beta/" + TENANT + "/Mailbox";
    private static final int READERS = 3;
    /** The Name ranges a listing read by three readers is cut into. */
    private static final int PARTS = NamePartitions.ranges(READERS);

    private static final int PER_PAGE = 4;
    private static final String SHARED_WARNING = "Some mailboxes are on litigation hold.";

    private final ExecutorService pageFetcher = Executors.newCachedThreadPool();
    private final CallOptions options = new CallOptions(
            new RetryPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1)),
            Duration.ofSeconds(10),
            true,
            1,
            READERS,
            10,
            false);

    private WireMockServer exo;
    private AdminApiClient client;

    @BeforeEach
    void start() {
        exo = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        exo.start();
        client = new AdminApiClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new ServiceLocation(URI.create(exo.baseUrl()), TENANT),
                (force, claims) -> "token",
                AnchorMailbox.forApp(TENANT),
                "conn-1",
                new ClientStatistics(),
                null,
                // fewer slots than ranges: the ranges queue at the session's gate and still all finish
                new RequestGovernor(2),
                pageFetcher,
                CallObserver.NONE);
    }

    @AfterEach
    void stop() {
        exo.stop();
        pageFetcher.shutdownNow();
    }

    /** Range p answers two pages of its own mailboxes, the second one as given in {@code secondPageOverride} if it is there. */
    private void stubInvokeRanges(List<CmdletRequest> parts, Map<Integer, String> secondPageOverride) {
        for (int p = 0; p < parts.size(); p++) {
            String filter = parts.get(p).parameter("Filter").toString();
            String next = exo.baseUrl() + INVOKE + "?$skiptoken=" + p;
            exo.stubFor(rangePage(post(urlPathEqualTo(INVOKE)), filter, false)
                    .willReturn(json(page(mailboxes(p * 100, PER_PAGE), next, List.of(MORE_RESULTS)))));
            String second = secondPageOverride.getOrDefault(
                    p,
                    page(
                            mailboxes(p * 100 + PER_PAGE, PER_PAGE),
                            null,
                            p == 1
                                    ? List.of(SHARED_WARNING, "Range one has a warning of its own.")
                                    : List.of(SHARED_WARNING)));
            exo.stubFor(rangePage(post(urlPathEqualTo(INVOKE)), filter, true)
                    .withQueryParam("$skiptoken", equalTo(String.valueOf(p)))
                    .willReturn(second.startsWith("{\"error\"") ? json(second).withStatus(400) : json(second)));
        }
    }

    private static MappingBuilder rangePage(MappingBuilder request, String filter, boolean nextPage) {
        MappingBuilder matched =
                request.withRequestBody(matchingJsonPath("$.CmdletInput.Parameters.Filter", equalTo(filter)));
        return nextPage ? matched : matched.withQueryParam("$skiptoken", absent());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static List<String> names(CmdletResult result) {
        List<String> names = new ArrayList<>();
        while (result.hasNext()) {
            names.add((String) result.next().get("Name"));
        }
        return names;
    }

    private static List<String> expectedNames() {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < PARTS; p++) {
            mailboxes(p * 100, 2 * PER_PAGE)
                    .forEach(record -> names.add(record.get("Name").asText()));
        }
        return names;
    }

    @Test
    void eachRangeSendsTheCallersFilterWithItsNameConditionsAndTheResultHoldsEveryRecordOnce() throws Exception {
        CmdletRequest request = new CmdletRequest(
                "Get-Mailbox",
                Map.of("ResultSize", "Unlimited", "Filter", "RecipientTypeDetails -eq 'UserMailbox'"),
                List.of("Name"),
                PER_PAGE);
        List<CmdletRequest> parts = NamePartitions.split(request, READERS);
        stubInvokeRanges(parts, Map.of());

        CmdletResult result = client.invoke(request, options);
        List<String> names = names(result);

        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedNames());
        // the service's warnings once each; the "more results" notice of pages that were followed is dropped
        assertThat(result.warnings()).containsExactlyInAnyOrder(SHARED_WARNING, "Range one has a warning of its own.");

        List<LoggedRequest> sent = exo.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
        assertThat(sent).hasSize(2 * PARTS);
        Map<String, List<LoggedRequest>> byRange = sent.stream().collect(Collectors.groupingBy(r -> filterOf(r)));
        assertThat(byRange.keySet())
                .containsExactlyInAnyOrderElementsOf(parts.stream()
                        .map(p -> p.parameter("Filter").toString())
                        .toList())
                .allSatisfy(filter -> assertThat(filter).startsWith("(RecipientTypeDetails -eq 'UserMailbox') -and "));
        Set<String> requestIds = byRange.values().stream()
                .map(pages -> {
                    // a range's pages share its client-request-id, as the pages of one call do
                    assertThat(pages)
                            .extracting(r -> r.getHeader("client-request-id"))
                            .containsOnly(pages.get(0).getHeader("client-request-id"));
                    assertThat(pages)
                            .allSatisfy(
                                    r -> assertThat(r.getHeader("X-CmdletName")).isEqualTo("Get-Mailbox"));
                    return pages.get(0).getHeader("client-request-id");
                })
                .collect(Collectors.toSet());
        assertThat(requestIds).hasSize(PARTS).contains(result.requestId());
        assertThat(sent)
                .allSatisfy(r ->
                        assertThat(parametersOf(r).get("ResultSize").asText()).isEqualTo("Unlimited"));
        assertThat(sent)
                .filteredOn(r -> !r.getUrl().contains("$skiptoken"))
                .hasSize(PARTS)
                .allSatisfy(r -> assertThat(r.getUrl()).endsWith("InvokeCommand?$select=Name"));
    }

    private static String filterOf(LoggedRequest request) {
        return parametersOf(request).get("Filter").asText();
    }

    private static JsonNode parametersOf(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString()).path("CmdletInput").path("Parameters");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void getExoMailboxRangesAreODataFiltersOnTheEntityRoute() {
        CmdletRequest request =
                new CmdletRequest("Get-EXOMailbox", Map.of("ResultSize", "Unlimited"), List.of(), PER_PAGE);
        List<CmdletRequest> parts = NamePartitions.split(request, READERS);
        for (int p = 0; p < PARTS; p++) {
            exo.stubFor(get(urlPathEqualTo(MAILBOX_ROUTE))
                    .withQueryParam(
                            "$filter", equalTo(parts.get(p).parameter("Filter").toString()))
                    .willReturn(json(page(mailboxes(p * 100, 2 * PER_PAGE), null, List.of()))));
        }

        List<String> names = names(client.invoke(request, options));

        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedNames());
        assertThat(exo.findAll(getRequestedFor(urlPathEqualTo(MAILBOX_ROUTE))))
                .extracting(r -> r.queryParameter("$filter").firstValue())
                .containsExactlyInAnyOrderElementsOf(parts.stream()
                        .map(p -> p.parameter("Filter").toString())
                        .toList())
                .allSatisfy(filter -> assertThat(filter)
                        .containsAnyOf("Name lt '", "Name ge '")
                        .doesNotContain("-lt", "-ge"));
    }

    @Test
    void aRangeTheServiceRefusesFailsTheResultAfterTheRecordsAlreadyHandedOut() {
        CmdletRequest request =
                new CmdletRequest("Get-Recipient", Map.of("ResultSize", "Unlimited"), List.of(), PER_PAGE);
        List<CmdletRequest> parts = NamePartitions.split(request, READERS);
        stubInvokeRanges(
                parts,
                Map.of(
                        1,
                        error(
                                "BadRequest",
                                "|Microsoft.Exchange.Management.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed.",
                                "Microsoft.Exchange.Admin.OData.Core.ODataServiceException")));

        CmdletResult result = client.invoke(request, options);
        List<String> handedOut = new ArrayList<>();
        assertThatThrownBy(() -> {
                    while (result.hasNext()) {
                        handedOut.add((String) result.next().get("Name"));
                    }
                })
                .isInstanceOf(ExoCmdletException.class)
                .hasMessageContaining("Get-Recipient");
        assertThat(result.hasNext()).isFalse();
        assertThat(handedOut).doesNotHaveDuplicates().isSubsetOf(expectedNames());
    }
}
