package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.MORE_RESULTS;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static io.camelexo.exchangeonline.support.AdminApiWire.stubInvokePages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoCommandNotAllowedException;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Real routes against a WireMock Exchange Online: paging under split().streaming(), output shapes, headers, local cmdlets. */
class ExoProducerTest extends WireMockExchangeTest {

    final AtomicInteger providerCalls = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useWireMockExchange(EXO.baseUrl(), 10);

                from("direct:stream")
                        .to("exo:Get-Mailbox?outputType=Stream&pageSize=4&ResultSize=Unlimited")
                        .split(body())
                        .streaming()
                        .stopOnException()
                        .process(exchange -> {
                            if (exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) == 5
                                    && exchange.getIn().getHeader("fail") != null) {
                                throw new IllegalStateException("warehouse unavailable");
                            }
                        })
                        .to("mock:record");
                from("direct:list").to("exo:Get-Mailbox?pageSize=4&ResultSize=Unlimited&select=Identity,DisplayName");
                from("direct:single").to("exo:Get-Mailbox?outputType=Single&inBody=Identity");
                from("direct:typed").to("exo:Get-Mailbox?outputClass=" + MailboxView.class.getName() + "&pageSize=4");
                from("direct:mistyped")
                        .to("exo:Get-Mailbox?outputClass=" + MistypedView.class.getName() + "&pageSize=4");
                from("direct:restricted").to("exo:Get-Mailbox?commandName=Get-*,Set-MailboxAutoReplyConfiguration");
                from("direct:info").to("exo:Get-ConnectionInformation?outputType=Single");
                from("direct:provider-info")
                        .to(
                                "exo:Get-ConnectionInformation?outputType=Single&accessToken=&accessTokenProvider=#provider");
                from("direct:provider-mailbox").to("exo:Get-Mailbox?accessToken=&accessTokenProvider=#provider");
                from("direct:provider-disconnect")
                        .to("exo:Disconnect-ExchangeOnline?accessToken=&accessTokenProvider=#provider");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("provider", (io.camelexo.exchangeonline.auth.ExoAccessTokenProvider) (scope, force) -> {
            int call = providerCalls.incrementAndGet();
            // a token that is always within the refresh margin: the provider must be asked before each use
            return new AccessToken(
                    AdminApiWire.appToken("tid-" + call), Instant.now().plusSeconds(60));
        });
    }

    /** Outputs of outputClass. */
    public static class MailboxView {
        public String Identity;
        public String DisplayName;
    }

    /** An outputClass that does not fit: DisplayName is text. */
    public static class MistypedView {
        public String Identity;
        public int DisplayName;
    }

    private static List<LoggedRequest> invokeRequests() {
        return EXO.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    @Test
    void threePagesStreamRecordByRecordThroughTheSplitter() throws Exception {
        stubInvokePages(EXO, INVOKE, 3, 4);
        MockEndpoint records = getMockEndpoint("mock:record");
        records.expectedMessageCount(12);
        Exchange result = template.request("direct:stream", e -> {});
        records.assertIsSatisfied();

        assertThat(records.getExchanges())
                .extracting(e -> e.getIn().getBody(Map.class).get("Identity"))
                .containsExactly(
                        "user0", "user1", "user2", "user3", "user4", "user5", "user6", "user7", "user8", "user9",
                        "user10", "user11");
        assertThat(invokeRequests())
                .hasSize(3)
                .extracting(r -> r.getHeader("client-request-id"))
                .containsOnly(result.getMessage().getHeader(ExoConstants.REQUEST_ID, String.class));
    }

    @Test
    void aSplitThatStopsHalfwayThroughTheSecondPageFetchesAtMostOnePageAhead() {
        stubInvokePages(EXO, INVOKE, 6, 4);
        Exchange result = template.request("direct:stream", e -> e.getIn().setHeader("fail", true));
        assertThat(result.getException()).hasRootCauseMessage("warehouse unavailable");
        assertThat(getMockEndpoint("mock:record").getReceivedCounter()).isEqualTo(5);
        // the page being read, and the one read ahead of it if its request had started (prefetchPages=1)
        assertThat(invokeRequests()).hasSizeBetween(2, 3);
    }

    @Test
    void retriedPagesKeepTheCallsClientRequestId() throws Exception {
        stubInvokePages(EXO, INVOKE, 3, 4);
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .withQueryParam("$skiptoken", equalTo("2"))
                .inScenario("p2")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.1"))
                .willSetStateTo("ok"));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .withQueryParam("$skiptoken", equalTo("2"))
                .inScenario("p2")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse()
                        .withBody(page(mailboxes(4, 4), EXO.baseUrl() + INVOKE + "?$skiptoken=3", List.of()))));
        getMockEndpoint("mock:record").expectedMessageCount(12);
        template.request("direct:stream", e -> {});
        getMockEndpoint("mock:record").assertIsSatisfied();
        assertThat(invokeRequests())
                .hasSize(4)
                .extracting(r -> r.getHeader("client-request-id"))
                .containsOnly(invokeRequests().get(0).getHeader("client-request-id"));
    }

    @Test
    void listOutputReadsEveryPageAndSetsHeaders() {
        stubInvokePages(EXO, INVOKE, 2, 4);
        Exchange result = template.request(
                "direct:list",
                e -> e.getIn()
                        .setHeader(ExoConstants.PARAMETERS, Map.of("RecipientTypeDetails", List.of("UserMailbox"))));
        assertThat(result.getMessage().getBody(List.class)).hasSize(8);
        assertThat(result.getMessage().getHeader(ExoConstants.RESULT_COUNT)).isEqualTo(8);
        assertThat(result.getMessage().getHeader(ExoConstants.WARNINGS, List.class))
                .isEmpty();
        LoggedRequest first = invokeRequests().get(0);
        assertThat(first.getUrl()).endsWith("InvokeCommand?$select=Identity%2CDisplayName");
        assertThat(first.getBodyAsString())
                .isEqualTo("{\"CmdletInput\":{\"CmdletName\":\"Get-Mailbox\",\"Parameters\":"
                        + "{\"ResultSize\":\"Unlimited\",\"RecipientTypeDetails\":[\"UserMailbox\"]}}}");
    }

    @Test
    void singleOutputBindsTheBodyAndReadsOnlyTheFirstRecord() {
        stubInvokePages(EXO, INVOKE, 2, 4);
        Exchange result = template.request("direct:single", e -> e.getIn().setBody("user0@contoso.com"));
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("Identity", "user0");
        assertThat(result.getMessage().getHeader(ExoConstants.RESULT_COUNT)).isEqualTo(1);
        assertThat(invokeRequests()).hasSize(1);
        assertThat(invokeRequests().get(0).getBodyAsString()).contains("\"Identity\":\"user0@contoso.com\"");
    }

    @Test
    void withoutResultSizeTheMoreResultsWarningReachesTheRoute() {
        stubInvokePages(EXO, INVOKE, 2, 4);
        Exchange result = template.request("direct:typed", e -> {});
        List<?> body = result.getMessage().getBody(List.class);
        assertThat(body)
                .hasSize(4)
                .first()
                .isInstanceOfSatisfying(
                        MailboxView.class, m -> assertThat(m.DisplayName).isEqualTo("User 0"));
        assertThat(result.getMessage().getHeader(ExoConstants.WARNINGS, List.class))
                .containsExactly(MORE_RESULTS);
    }

    @Test
    void aRecordThatDoesNotFitTheOutputClassFailsAsExoExceptionWithoutItsValues() {
        stubInvokePages(EXO, INVOKE, 1, 4);
        Exchange result = template.request("direct:mistyped", e -> {});
        assertThat(result.getException())
                .isInstanceOf(ExoException.class)
                .hasNoCause()
                .hasMessageContaining(MistypedView.class.getName())
                .hasMessageContaining("DisplayName")
                .message()
                .doesNotContain("User 0");
    }

    @Test
    void cmdletErrorsReachTheRouteTyped() {
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody(AdminApiWire.error(
                                "NotFound",
                                "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed "
                                        + "because object 'ghost@contoso.com' couldn't be found.",
                                "ODataServiceException"))));
        Exchange result = template.request("direct:single", e -> e.getIn().setBody("ghost@contoso.com"));
        assertThat(result.getException()).isInstanceOfSatisfying(ExoCmdletException.class, e -> {
            assertThat(e.getExceptionType()).isEqualTo("ManagementObjectNotFoundException");
            assertThat(e.getStatusCode()).isEqualTo(404);
        });
    }

    @Test
    void aWriteThatReportsErrorsWithStatus200FailsWhateverTheOutputType() {
        EXO.stubFor(
                post(urlPathEqualTo(INVOKE))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "{\"value\":[],\"@adminapi.errors\":[\"Ex1|Microsoft.Exchange.Data.DataValidationException|Forwarding address is invalid.\"]}")));
        for (String outputType : List.of("Stream", "Single")) {
            Exchange result = template.request("exo:Set-Mailbox?outputType=" + outputType + "&Identity=a", e -> {});
            assertThat(result.getException()).as(outputType).isInstanceOfSatisfying(ExoCmdletException.class, e -> {
                assertThat(e.getExceptionType()).isEqualTo("DataValidationException");
                assertThat(e.getStatusCode()).isEqualTo(200);
            });
        }
    }

    @Test
    void parametersThatCannotBeSentFailAsExoExceptions() {
        Exchange result = template.request("exo:Get-EXOMailboxPermission", e -> {});
        assertThat(result.getException())
                .isInstanceOf(io.camelexo.exchangeonline.error.ExoException.class)
                .hasMessageContaining("Get-EXOMailboxPermission was not sent")
                .hasMessageContaining("needs Identity");
        EXO.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCmdletOutsideCommandNameSendsNothing() {
        stubInvokePages(EXO, INVOKE, 1, 1);
        assertThatThrownBy(() ->
                        template.requestBodyAndHeader("direct:restricted", null, ExoConstants.CMDLET, "Set-Mailbox"))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOf(ExoCommandNotAllowedException.class)
                .hasMessageContaining("Set-Mailbox is not in commandName");
        assertThatThrownBy(() ->
                        template.requestBodyAndHeader("direct:restricted", null, ExoConstants.CMDLET, "Remove-Mailbox"))
                .cause()
                .isInstanceOf(ExoCommandNotAllowedException.class);
        EXO.verify(0, anyRequestedFor(anyUrl()));
        template.requestBodyAndHeader(
                "direct:restricted", null, ExoConstants.CMDLET, "set-mailboxautoreplyconfiguration");
        template.requestBody("direct:restricted", (Object) null);
        assertThat(invokeRequests())
                .extracting(r -> r.getHeader("X-CmdletName"))
                .containsExactly("set-mailboxautoreplyconfiguration", "Get-Mailbox");
    }

    @Test
    void connectionInformationNeedsNoCall() {
        Map<String, Object> info = info("direct:info");
        assertThat(info)
                .containsEntry("State", "Connected")
                .containsEntry("Name", "ExchangeOnline_1")
                .containsEntry("ConnectionUri", EXO.baseUrl())
                .containsEntry("Organization", TENANT)
                .containsEntry("TenantID", "6f1c0e52-3b7d-4a0c-9f61-2d8e5a7b9c10")
                .containsEntry("TokenStatus", "Active")
                .containsEntry("AppId", "11111111-2222-3333-4444-555555555555")
                .containsEntry("IsEopSession", false)
                .containsEntry("PageSize", 1000)
                .containsEntry("MaxConcurrentRequests", 8)
                .containsEntry("InFlightRequests", 0)
                .containsKey("TokenExpiryTimeUTC")
                .containsKey("ConnectionId");
        assertThat(info.keySet())
                .containsExactly(
                        "ConnectionId",
                        "State",
                        "Name",
                        "UserPrincipalName",
                        "ConnectionUri",
                        "AzureAdAuthorizationEndpointUri",
                        "TokenExpiryTimeUTC",
                        "TokenStatus",
                        "Organization",
                        "DelegatedOrganization",
                        "AppId",
                        "PageSize",
                        "TenantID",
                        "CertificateAuthentication",
                        "IsEopSession",
                        "ModuleName",
                        "Environment",
                        "TokenScope",
                        "MaxConcurrentRequests",
                        "InFlightRequests",
                        "QueuedRequests");
        EXO.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void endpointsNamingTheSameIdentityShareOneSession() {
        Object first = template.requestBody("direct:info", null, Map.class).get("ConnectionId");
        Object again = template.requestBody("direct:info", null, Map.class).get("ConnectionId");
        Object other =
                template.requestBody("direct:provider-info", null, Map.class).get("ConnectionId");
        assertThat(first).isEqualTo(again).isNotEqualTo(other);
        ExoComponent exo = context.getComponent("exo", ExoComponent.class);
        assertThat(exo.sessions().sessions()).hasSize(2);
        context.stop();
        assertThat(exo.sessions().sessions()).isEmpty();
    }

    @Test
    void providerTokensNearExpiryAreFetchedAgainAndDisconnectDropsThem() {
        stubInvokePages(EXO, INVOKE, 1, 1);
        int atStart = providerCalls.get();
        template.requestBody("direct:provider-mailbox", (Object) null);
        template.requestBody("direct:provider-mailbox", (Object) null);
        assertThat(providerCalls.get() - atStart).isEqualTo(2);
        assertThat(invokeRequests())
                .extracting(r -> r.getHeader("Authorization"))
                .doesNotHaveDuplicates();

        template.requestBody("direct:provider-disconnect", (Object) null);
        Map<String, Object> info = info("direct:provider-info");
        assertThat(info).containsEntry("State", "Disconnected").containsEntry("TokenStatus", "NotAvailable");
        template.requestBody("direct:provider-mailbox", (Object) null);
        assertThat(info("direct:provider-info")).containsEntry("State", "Connected");
    }

    @Test
    void theGeneratedConfigurersAndUriFactoryAreInUse() {
        var resolver = org.apache.camel.support.PluginHelper.getConfigurerResolver(context);
        assertThat(resolver.resolvePropertyConfigurer("exo-endpoint", context))
                .isInstanceOf(ExoEndpointConfigurer.class);
        assertThat(resolver.resolvePropertyConfigurer("scc-endpoint", context))
                .isInstanceOf(ExoEndpointConfigurer.class);
        assertThat(resolver.resolvePropertyConfigurer("scc-component", context))
                .isInstanceOf(ExoComponentConfigurer.class);
        assertThat(context.getCamelContextExtension().getEndpointUriFactory("scc"))
                .isInstanceOf(ExoEndpointUriFactory.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> info(String route) {
        return template.requestBody(route, null, Map.class);
    }
}
