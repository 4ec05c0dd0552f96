package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.stubInvokePages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** prefetchPages: the next page travels while the route works on the current one, and only then. */
class PrefetchTest extends WireMockExchangeTest {

    private final List<Integer> requestsSeenAtFirstRecord = new ArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useWireMockExchange(EXO.baseUrl(), 10);
                from("direct:ahead")
                        .to("exo:Get-Mailbox?outputType=Stream&pageSize=4&ResultSize=Unlimited&prefetchPages=1")
                        .split(body())
                        .streaming()
                        .process(exchange -> recordFirst(exchange, 2))
                        .to("mock:record");
                from("direct:inTurn")
                        .to("exo:Get-Mailbox?outputType=Stream&pageSize=4&ResultSize=Unlimited&prefetchPages=0")
                        .split(body())
                        .streaming()
                        .process(exchange -> recordFirst(exchange, 0))
                        .to("mock:record");
                from("direct:list").to("exo:Get-Mailbox?pageSize=4&ResultSize=Unlimited&prefetchPages=2");
            }
        };
    }

    /**
     * At the route's first record: how many page requests the server has seen, after waiting (boundedly) for
     * {@code expected} of them; a route that reads ahead gets there without the route moving on.
     */
    private void recordFirst(Exchange exchange, int expected) throws InterruptedException {
        if (exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) != 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(expected > 0 ? 20 : 0);
        while (pageRequests() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        requestsSeenAtFirstRecord.add(pageRequests());
    }

    private static int pageRequests() {
        return EXO.findAll(postRequestedFor(urlPathEqualTo(INVOKE))).size();
    }

    @Test
    void theSecondPageIsRequestedWhileTheRouteIsStillOnTheFirstRecord() {
        stubInvokePages(EXO, INVOKE, 4, 4);
        getMockEndpoint("mock:record").expectedMessageCount(16);

        template.sendBody("direct:ahead", null);

        assertThat(requestsSeenAtFirstRecord).containsExactly(2);
        assertThat(getMockEndpoint("mock:record").getExchanges())
                .extracting(e -> e.getIn().getBody(Map.class).get("Identity"))
                .containsExactlyElementsOf(AdminApiWire.mailboxes(0, 16).stream()
                        .map(m -> m.get("Identity").asText())
                        .toList());
        assertThat(pageRequests()).isEqualTo(4);
    }

    @Test
    void withoutPrefetchTheNextPageWaitsUntilTheRouteHasReadThePage() {
        stubInvokePages(EXO, INVOKE, 4, 4);

        template.sendBody("direct:inTurn", null);

        assertThat(requestsSeenAtFirstRecord).containsExactly(1);
        assertThat(getMockEndpoint("mock:record").getReceivedCounter()).isEqualTo(16);
    }

    @Test
    void aPageReadAheadThatFailsFailsTheResultAfterTheRecordsBeforeIt() {
        stubInvokePages(EXO, INVOKE, 4, 4);
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .withQueryParam("$skiptoken", equalTo("3"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AdminApiWire.error(
                                "BadRequest",
                                "|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The page is gone.",
                                "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"))));

        assertThatThrownBy(() -> template.requestBody("direct:list", (Object) null))
                .hasCauseInstanceOf(ExoCmdletException.class)
                .satisfies(e -> assertThat(((ExoCmdletException) e.getCause()).getRecords())
                        .hasSize(8));
        assertThat(pageRequests()).isEqualTo(3);
    }
}
