package io.camelexo.exchangeonline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Routes that sign in against {@link FakeEntra} (HTTPS, routed through the component's identityHttpClient option)
 * and call a WireMock Exchange Online; one JVM per test class keeps msal4j's static caches apart.
 */
public abstract class SignInTestSupport extends CamelTestSupport {

    public static final String TENANT = "contoso.onmicrosoft.com";
    public static final String APP = "7d5f5b8e-1111-4c5e-9d0a-3b2c1d0e9f8a";
    public static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";
    public static final FakeEntra ENTRA = new FakeEntra();
    public static final WireMockServer EXO =
            new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        EXO.start();
    }

    @AfterAll
    static void stopServers() {
        EXO.stop();
        ENTRA.close();
    }

    @BeforeEach
    void resetServers() {
        EXO.resetAll();
        ENTRA.reset();
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) throws Exception {
        registry.bind("entra", ENTRA.router());
    }

    /** An endpoint URI for this tenant and app, with sign-in routed to the fake and the given credential options. */
    protected static String exoUri(String scheme, String cmdlet, String options) {
        return scheme + ":" + cmdlet + "?appId=" + APP + "&organization=" + TENANT + "&connectionUri=" + EXO.baseUrl()
                + "&identityHttpClient=#entra&retryInitialDelay=10&" + options;
    }

    protected static void stubExchange(String body) {
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    /** The token endpoint answers these bodies one after the other, the last one from then on. */
    protected static void stubTokenAnswers(String tokenPath, String... answers) {
        for (int i = 0; i < answers.length; i++) {
            ENTRA.server.stubFor(post(urlPathEqualTo(tokenPath))
                    .inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(answers[i]))
                    .willSetStateTo("answer " + Math.min(i + 1, answers.length - 1)));
        }
    }

    /** InvokeCommand answers 401 to the pages from firstPage to lastPage when they come with this token (it has lapsed). */
    protected static void stubTokenRefusedFromPage(String accessToken, int firstPage, int lastPage) {
        for (int p = firstPage; p <= lastPage; p++) {
            EXO.stubFor(post(urlPathEqualTo(INVOKE))
                    .withQueryParam("$skiptoken", equalTo(String.valueOf(p)))
                    .withHeader("Authorization", equalTo("Bearer " + accessToken))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        }
    }

    protected static List<LoggedRequest> exchangeRequests() {
        return EXO.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
    }

    protected static List<LoggedRequest> entraRequests(String path) {
        return ENTRA.server.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** A field of a form-encoded token request, decoded; null when absent. */
    protected static String formValue(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Adds a route to the running context and returns the printed failure of its start. */
    protected String startFailure(String uri) {
        Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start-" + Integer.toHexString(uri.hashCode())).to(uri);
            }
        }));
        assertThat(failure).as("route start with " + uri).isNotNull();
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    protected static <T extends Throwable> T findCause(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in " + thrown, thrown);
    }
}
