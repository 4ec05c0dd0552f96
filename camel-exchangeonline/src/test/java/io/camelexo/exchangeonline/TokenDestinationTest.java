package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bearer token goes only to the service's hosts: a nextLink or a redirect that points elsewhere is refused
 * before anything is sent there, a redirect loop ends with a clear failure, and the JDK client never follows a
 * redirect on its own (it would carry the Authorization header along). The "elsewhere" is a second WireMock server
 * that answers every request, so any request that reached it would show.
 */
class TokenDestinationTest extends WireMockExchangeTest {

    /** Another port of the service's host: a regional server, as the simulator runs the Security & Compliance one. */
    static final WireMockServer REGIONAL =
            new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static final WireMockServer FOREIGN =
            new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        REGIONAL.start();
        FOREIGN.start();
    }

    @AfterAll
    static void stopServers() {
        REGIONAL.stop();
        FOREIGN.stop();
    }

    @BeforeEach
    void resetServers() {
        REGIONAL.resetAll();
        FOREIGN.resetAll();
        FOREIGN.stubFor(any(anyUrl()).willReturn(json(page(mailboxes(100, 2), null, List.of()))));
    }

    /** The service on http://localhost:port; the foreign host is 127.0.0.1, a host name the service never used. */
    private static String serviceBase() {
        return "http://localhost:" + EXO.port();
    }

    private static String foreignBase() {
        return "http://127.0.0.1:" + FOREIGN.port();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useWireMockExchange(serviceBase(), 1);

                from("direct:list").toD("${header.uri}&outputType=List");
                from("direct:stream")
                        .toD("${header.uri}&outputType=Stream")
                        .split(body())
                        .streaming()
                        .to("mock:record");
                from("direct:set-mailbox").to("exo:Set-Mailbox?Identity=anna@contoso.com&Type=Shared");
            }
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"Get-Mailbox, List", "Get-Mailbox, Stream", "Get-EXOMailbox, List", "Get-EXOMailbox, Stream"})
    void aNextLinkToAnotherHostIsRefusedBeforeAnythingIsSentThere(String cmdlet, String outputType) {
        String path = "/adminapi/beta/" + TENANT + (cmdlet.equals("Get-Mailbox") ? "/InvokeCommand" : "/Mailbox");
        EXO.stubFor(any(anyUrl())
                .willReturn(json(page(mailboxes(0, 2), foreignBase() + path + "?$skiptoken=2", List.of()))));

        Exchange result = template.request(
                "direct:" + outputType.toLowerCase(),
                e -> e.getIn().setHeader("uri", "exo:" + cmdlet + "?ResultSize=Unlimited"));

        assertThat(failure(result, ExoProtocolException.class))
                .hasMessageContaining("nextLink points at " + foreignBase())
                .hasMessageContaining("not followed");
        assertThat(FOREIGN.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(requests(EXO)).hasSize(1);
        if (outputType.equals("Stream")) {
            assertThat(getMockEndpoint("mock:record").getReceivedCounter())
                    .as("records of the first page, streamed before the failure")
                    .isPositive();
        }
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndNotPinned() {
        EXO.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", foreignBase() + INVOKE)));

        Exchange result = template.request("direct:set-mailbox", e -> {});

        assertThat(failure(result, ExoProtocolException.class))
                .hasMessageContaining("redirected the call to " + foreignBase())
                .hasMessageContaining("not followed");
        assertThat(FOREIGN.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(requests(EXO)).hasSize(1);

        // the session still calls the service, not the host it was pointed at
        EXO.stubFor(any(anyUrl()).willReturn(json(page(List.of(), null, List.of()))));
        assertThat(template.request("direct:set-mailbox", e -> {}).getException())
                .isNull();
        assertThat(requests(EXO)).hasSize(2);
        assertThat(FOREIGN.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRedirectToItselfIsALoop() {
        EXO.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", serviceBase() + INVOKE)));

        Exchange result = template.request("direct:set-mailbox", e -> {});

        assertThat(failure(result, ExoProtocolException.class))
                .hasMessageContaining("Set-Mailbox: the service redirected the call in a loop");
        assertThat(requests(EXO)).hasSize(1);
    }

    @Test
    void aRedirectBackAndForthBetweenTwoHostsOfTheServiceIsALoop() {
        EXO.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://localhost:" + REGIONAL.port() + INVOKE)));
        REGIONAL.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", serviceBase() + INVOKE)));

        Exchange result = template.request("direct:set-mailbox", e -> {});

        assertThat(failure(result, ExoProtocolException.class)).hasMessageContaining("redirected the call in a loop");
        assertThat(requests(EXO)).hasSize(1);
        assertThat(requests(REGIONAL)).hasSize(1);
        assertThat(FOREIGN.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRedirectToAnotherPortOfTheServiceHostIsFollowedWithTheTokenAndPinned() {
        EXO.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://localhost:" + REGIONAL.port() + INVOKE)));
        REGIONAL.stubFor(any(anyUrl()).willReturn(json(page(List.of(), null, List.of()))));

        assertThat(template.request("direct:set-mailbox", e -> {}).getException())
                .isNull();
        assertThat(template.request("direct:set-mailbox", e -> {}).getException())
                .isNull();

        assertThat(requests(EXO))
                .as("the regional host is pinned after the first redirect")
                .hasSize(1);
        assertThat(requests(REGIONAL))
                .hasSize(2)
                .extracting(r -> r.getHeader("Authorization"))
                .containsOnly("Bearer " + TOKEN);
    }

    private static <T extends Throwable> T failure(Exchange result, Class<T> type) {
        for (Throwable t = result.getException(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in " + result.getException(), result.getException());
    }

    private static List<LoggedRequest> requests(WireMockServer server) {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
