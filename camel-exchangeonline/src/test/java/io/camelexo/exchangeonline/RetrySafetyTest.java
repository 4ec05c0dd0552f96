package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import io.camelexo.exchangeonline.error.ExoThrottledException;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's retry promise, through real routes against a WireMock Exchange Online: a write is sent once when its
 * answer leaves open whether it ran, and the failure says so; it is sent again only when the service refused it before
 * running it (429, the tenant concurrency rejection). Reads are retried after all of these. maxRetries is 2, so it is
 * the read/write distinction, not the retry budget, that stops a write.
 */
class RetrySafetyTest extends WireMockExchangeTest {

    static final int MAX_RETRIES = 2;

    /** The kinds of call: a write, an InvokeCommand read, a Get-EXO* entity-route read (GET). */
    enum Call {
        WRITE("exo:Set-Mailbox?Identity=anna@contoso.com&Type=Shared"),
        READ("exo:Get-Mailbox?Identity=anna@contoso.com"),
        ENTITY_READ("exo:Get-EXOMailbox?ResultSize=Unlimited");

        final String uri;

        Call(String uri) {
            this.uri = uri;
        }
    }

    /** Answers after which the call may or may not have run on the server. */
    enum Ambiguous {
        SERVER_ERROR_500(
                ExoCmdletException.class,
                "",
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"The Active Directory Topology service returned an error: "
                                        + "the LDAP server is unavailable.\",\"innererror\":{\"message\":\"The Active Directory Topology service returned an "
                                        + "error: the LDAP server is unavailable.\",\"type\":\"Microsoft.Exchange.Data.Directory.ADTransientException\"}}}")),
        HTML_503(
                ExoProtocolException.class,
                "",
                aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody(
                                "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1>"
                                        + "<p>HTTP Error 503. The service is unavailable.</p></body></html>")),
        CONNECTION_RESET(ExoException.class, "", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        // the answer would come long after this call's requestTimeout
        NO_ANSWER_WITHIN_REQUEST_TIMEOUT(
                ExoException.class,
                "&requestTimeout=500",
                aResponse()
                        .withFixedDelay(5_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(List.of(), null, List.of()))),
        BODY_BREAKS_OFF_MALFORMED_CHUNK(
                ExoProtocolException.class, "", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        BODY_ENDS_HALFWAY(
                ExoProtocolException.class,
                "",
                aResponse().withHeader("Content-Type", "application/json").withBody(halfAPage()));

        final Class<? extends ExoException> failure;
        final String endpointOptions;
        final ResponseDefinitionBuilder answer;

        Ambiguous(Class<? extends ExoException> failure, String endpointOptions, ResponseDefinitionBuilder answer) {
            this.failure = failure;
            this.endpointOptions = endpointOptions;
            this.answer = answer;
        }
    }

    /** Answers with which the service says it did not run the call. */
    enum Refusal {
        THROTTLED_429(
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "0.01")
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Request throttled. Retry after the interval in Retry-After.\"}}")),
        TENANT_CONCURRENCY_500(concurrencyRejection(500)),
        TENANT_CONCURRENCY_503(concurrencyRejection(503));

        final ResponseDefinitionBuilder answer;

        Refusal(ResponseDefinitionBuilder answer) {
            this.answer = answer;
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useWireMockExchange(EXO.baseUrl(), 1).setMaxRetries(MAX_RETRIES);
            }
        };
    }

    /** Runs the call through a route of its own, as an application would. */
    private Exchange callThroughRoute(Call call, String endpointOptions) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(call.uri + endpointOptions);
            }
        });
        return template.request("direct:call", e -> {});
    }

    @ParameterizedTest
    @EnumSource(Ambiguous.class)
    void aWriteIsSentOnceWhenItsAnswerLeavesOpenWhetherItRan(Ambiguous answer) throws Exception {
        EXO.stubFor(any(anyUrl()).willReturn(answer.answer));

        Exchange result = callThroughRoute(Call.WRITE, answer.endpointOptions);

        assertThat(result.getException())
                .isExactlyInstanceOf(answer.failure)
                .hasMessageContaining("Set-Mailbox")
                .hasMessageContaining("may have run");
        assertThat(requests()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("readsAfterAmbiguousAnswers")
    void aReadIsRetriedAfterTheSameAnswers(Call read, Ambiguous answer) throws Exception {
        EXO.stubFor(any(anyUrl()).willReturn(answer.answer));

        Exchange result = callThroughRoute(read, answer.endpointOptions);

        assertThat(result.getException())
                .isExactlyInstanceOf(answer.failure)
                .message()
                .doesNotContain("may have run");
        // at least: the JDK client itself repeats a GET whose connection it finds reset
        assertThat(requests()).hasSizeGreaterThanOrEqualTo(1 + MAX_RETRIES);
        assertThat(requests())
                .extracting(r -> r.getHeader("client-request-id"))
                .containsOnly(requests().get(0).getHeader("client-request-id"));
    }

    static Stream<Arguments> readsAfterAmbiguousAnswers() {
        return Stream.of(Call.READ, Call.ENTITY_READ)
                .flatMap(read -> Arrays.stream(Ambiguous.values()).map(answer -> Arguments.of(read, answer)));
    }

    @ParameterizedTest
    @MethodSource("callsAfterRefusals")
    void aRefusedCallIsSentAgainWriteOrRead(Call call, Refusal refusal) throws Exception {
        EXO.stubFor(any(anyUrl())
                .inScenario("refused once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(refusal.answer)
                .willSetStateTo("free"));
        EXO.stubFor(any(anyUrl())
                .inScenario("refused once")
                .whenScenarioStateIs("free")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(mailboxes(0, 1), null, List.of()))));

        Exchange result = callThroughRoute(call, "");

        assertThat(result.getException()).isNull();
        assertThat(requests()).hasSize(2);
        LoggedRequest first = requests().get(0);
        assertThat(requests().get(1)).satisfies(again -> {
            assertThat(again.getUrl()).isEqualTo(first.getUrl());
            assertThat(again.getBodyAsString()).isEqualTo(first.getBodyAsString());
            assertThat(again.getHeader("client-request-id")).isEqualTo(first.getHeader("client-request-id"));
        });
    }

    @ParameterizedTest
    @MethodSource("callsAfterRefusals")
    void aCallRefusedEveryTimeEndsThrottledAfterMaxRetries(Call call, Refusal refusal) throws Exception {
        EXO.stubFor(any(anyUrl()).willReturn(refusal.answer));

        Exchange result = callThroughRoute(call, "");

        assertThat(result.getException())
                .isExactlyInstanceOf(ExoThrottledException.class)
                .message()
                .doesNotContain("may have run");
        assertThat(requests()).hasSize(1 + MAX_RETRIES);
    }

    static Stream<Arguments> callsAfterRefusals() {
        return Arrays.stream(Call.values())
                .flatMap(call -> Arrays.stream(Refusal.values()).map(refusal -> Arguments.of(call, refusal)));
    }

    private static List<LoggedRequest> requests() {
        return EXO.findAll(anyRequestedFor(anyUrl()));
    }

    /** The tenant concurrency rejection: a plain-text body; its status code is not documented, so two are tried. */
    private static ResponseDefinitionBuilder concurrencyRejection(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(
                        "You have reached the maximum number of concurrent requests per tenant. Please wait and try again");
    }

    /** A page whose JSON stops in the middle of a record. */
    private static String halfAPage() {
        String whole = page(mailboxes(0, 40), null, List.of());
        return whole.substring(0, whole.length() / 2);
    }
}
