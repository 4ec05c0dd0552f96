package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import io.camelexo.exchangeonline.support.AdminApiWire;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Named connections: their options layered between component and URI, one session per tenant, one health check per session. */
class ExoConnectionTest extends CamelTestSupport {

    static final String CONTOSO = "contoso.onmicrosoft.com";
    static final String FABRIKAM = "fabrikam.onmicrosoft.com";
    static final String CONTOSO_TOKEN = AdminApiWire.appToken("tid-contoso");
    static final String FABRIKAM_TOKEN = AdminApiWire.appToken("tid-fabrikam");
    static final WireMockServer EXO =
            new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        EXO.start();
        EXO.stubFor(post(urlPathMatching("/adminapi/beta/.*/InvokeCommand"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(AdminApiWire.page(AdminApiWire.mailboxes(0, 2), null, List.of()))));
    }

    final AtomicInteger providerCalls = new AtomicInteger();

    @BeforeEach
    void forgetRequests() {
        EXO.resetRequests();
    }

    @AfterAll
    static void stopServer() {
        EXO.stop();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind(
                "contoso",
                new ExoConnection(Map.of(
                        "organization",
                        CONTOSO,
                        "accessToken",
                        CONTOSO_TOKEN,
                        "connectionUri",
                        EXO.baseUrl(),
                        "pageSize",
                        200)));
        registry.bind(
                "fabrikam",
                new ExoConnection(Map.of(
                        "organization",
                        FABRIKAM,
                        "accessToken",
                        FABRIKAM_TOKEN,
                        "connectionUri",
                        EXO.baseUrl(),
                        "outputType",
                        "Single")));
        // a token always within the refresh margin, so each call asks the provider; it refuses from the second call on
        registry.bind("revokedProvider", (ExoAccessTokenProvider) (scope, forceRefresh) -> {
            if (providerCalls.incrementAndGet() > 1) {
                throw new IllegalStateException("AADSTS7000222: the client secret has expired");
            }
            return new AccessToken(
                    AdminApiWire.appToken("tid-northwind"), Instant.now().plusSeconds(60));
        });
        registry.bind(
                "northwind",
                new ExoConnection(Map.of(
                        "organization",
                        "northwind.onmicrosoft.com",
                        "accessTokenProvider",
                        "#revokedProvider",
                        "connectionUri",
                        EXO.baseUrl())));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                getContext()
                        .getComponent("exo", ExoComponent.class)
                        .getConfiguration()
                        .setOutputType(ExoOutputType.Stream);
                from("direct:contoso").to("exo:Get-Mailbox?connection=contoso");
                from("direct:fabrikam").to("exo:Get-Mailbox?connection=fabrikam");
                from("direct:contoso-scc").to("scc:Get-RetentionCompliancePolicy?connection=contoso");
                from("direct:northwind").to("exo:Get-Mailbox?connection=northwind");
            }
        };
    }

    private static String tenantOf(LoggedRequest request) {
        return request.getUrl().split("/")[3];
    }

    @Test
    void eachConnectionSendsOnlyItsOwnTokenToItsOwnTenant() {
        template.requestBody("direct:contoso", (Object) null);
        template.requestBody("direct:fabrikam", (Object) null);
        template.requestBody("direct:contoso-scc", (Object) null);
        template.requestBody("direct:contoso", (Object) null);

        Map<String, List<String>> tokensByTenant = EXO.findAll(anyRequestedFor(anyUrl())).stream()
                .collect(Collectors.groupingBy(
                        ExoConnectionTest::tenantOf,
                        Collectors.mapping(request -> request.getHeader("Authorization"), Collectors.toList())));
        assertThat(tokensByTenant.get(CONTOSO)).hasSize(3).containsOnly("Bearer " + CONTOSO_TOKEN);
        assertThat(tokensByTenant.get(FABRIKAM)).hasSize(1).containsOnly("Bearer " + FABRIKAM_TOKEN);
        assertThat(context.getComponent("exo", ExoComponent.class).sessions().sessions())
                .hasSize(3); // contoso, fabrikam, northwind
    }

    @Test
    void uriOptionsOverrideTheConnectionWhoseOptionsOverrideTheComponent() {
        ExoConfiguration component = context.getEndpoint("exo:Get-Mailbox?connection=contoso", ExoEndpoint.class)
                .getConfiguration();
        assertThat(component.getPageSize()).isEqualTo(200);
        assertThat(component.getOutputType()).isEqualTo(ExoOutputType.Stream);
        assertThat(component.getConnection()).isEqualTo("contoso");
        assertThat(context.getEndpoint("exo:Get-Mailbox?connection=fabrikam", ExoEndpoint.class)
                        .getConfiguration()
                        .getOutputType())
                .isEqualTo(ExoOutputType.Single);
        ExoConfiguration overridden = context.getEndpoint(
                        "exo:Get-Mailbox?connection=contoso&pageSize=10&outputType=List", ExoEndpoint.class)
                .getConfiguration();
        assertThat(overridden.getPageSize()).isEqualTo(10);
        assertThat(overridden.getOutputType()).isEqualTo(ExoOutputType.List);
        assertThat(overridden.getOrganization()).isEqualTo(CONTOSO);
    }

    @Test
    void theComponentCanNameADefaultConnection() {
        ExoComponent scc = context.getComponent("scc", ExoComponent.class);
        scc.getConfiguration().setConnection("fabrikam");
        try {
            assertThat(context.getEndpoint("scc:Get-Label", ExoEndpoint.class)
                            .getConfiguration()
                            .getOrganization())
                    .isEqualTo(FABRIKAM);
            assertThat(context.getEndpoint("scc:Get-Label?connection=contoso", ExoEndpoint.class)
                            .getConfiguration()
                            .getOrganization())
                    .isEqualTo(CONTOSO);
        } finally {
            scc.getConfiguration().setConnection(null);
        }
    }

    @Test
    void anUnknownConnectionFailsEndpointCreationSayingWhereToDefineIt() {
        assertThatThrownBy(() -> context.getEndpoint("exo:Get-Mailbox?connection=adatum"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .cause()
                .hasMessageContaining("No connection named adatum")
                .hasMessageContaining("camel.exchangeonline.connections.adatum.*");
        assertThatThrownBy(() -> new ExoConnection(Map.of("connection", "contoso")))
                .hasMessageContaining("cannot name another connection");
        assertThat(context.getRegistry()
                        .lookupByNameAndType("contoso", ExoConnection.class)
                        .toString())
                .startsWith("ExoConnection[")
                .contains("accessToken")
                .doesNotContain(CONTOSO_TOKEN);
    }

    /** The session checks by scheme and connection, e.g. exo:contoso; exposure level full lists UP checks too. */
    private Map<String, HealthCheck.Result> sessionChecks() {
        return HealthCheckHelper.invoke(context, "full").stream()
                .filter(result -> "exchangeonline".equals(result.getCheck().getGroup()))
                .collect(Collectors.toMap(
                        result -> result.getCheck().getId().split(":")[0] + ":"
                                + result.getDetails().get("connections"),
                        result -> result));
    }

    @Test
    void eachSessionHasAHealthCheckThatTurnsDownWithTheReasonWhenSignInFails() {
        template.requestBody("direct:contoso", (Object) null);
        template.requestBody("direct:contoso-scc", (Object) null);
        Map<String, HealthCheck.Result> results = sessionChecks();

        HealthCheck.Result contoso = results.get("exo:contoso");
        assertThat(contoso.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(contoso.getDetails())
                .containsEntry("state", "SIGNED_IN")
                .containsEntry("environment", "O365Default")
                .containsEntry("organization", CONTOSO)
                .containsEntry("connections", "contoso")
                .containsEntry("connectionUri", EXO.baseUrl())
                .containsKeys("tokenExpiry", "requests", "retries", "throttledResponses");
        assertThat(contoso.getDetails().get("requests")).isEqualTo(1L);
        assertThat(contoso.getCheck().getId()).matches("exo:ExchangeOnline_\\d");
        assertThat(results.get("scc:contoso").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(results.get("scc:contoso").getCheck().getId()).isEqualTo("scc:ExchangeOnlineProtection_1");
        assertThat(results).containsKeys("exo:fabrikam", "exo:northwind").hasSize(4);
        assertThat(results.values())
                .allSatisfy(result -> assertThat(result.getDetails().values().toString())
                        .doesNotContain(CONTOSO_TOKEN)
                        .doesNotContain(FABRIKAM_TOKEN));

        // northwind signed in at start; its provider refuses the next token
        assertThatThrownBy(() -> template.requestBody("direct:northwind", (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(ExoAuthenticationException.class);
        HealthCheck.Result northwind = sessionChecks().get("exo:northwind");
        assertThat(northwind.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(northwind.getDetails())
                .containsEntry("state", "FAILED")
                .containsEntry(
                        "reason", "The accessTokenProvider failed: AADSTS7000222: the client secret has expired");
        assertThat(northwind.getMessage())
                .hasValueSatisfying(message -> assertThat(message).contains("AADSTS7000222"));
    }
}
