package io.camelexo.exchangeonline.springboot;

import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application with only the starter and properties: two tenants as named connections, exo and scc routes, streaming
 * splits by default, and one health entry per session in /actuator/health.
 */
@SpringBootTest(classes = ExoStarterApplicationTest.Application.class, properties = {
        "camel.component.exo.output-type=Stream",
        "camel.component.exo.page-size=2",
        "camel.exchangeonline.connections.contoso.organization=contoso.onmicrosoft.com",
        "camel.exchangeonline.connections.contoso.auth=accessToken",
        "camel.exchangeonline.connections.contoso.access-token=${CONTOSO_TOKEN}",
        "camel.exchangeonline.connections.contoso.connection-uri=${ADMIN_API_URL}",
        "camel.exchangeonline.connections.fabrikam.organization=fabrikam.onmicrosoft.com",
        "camel.exchangeonline.connections.fabrikam.auth=accessToken",
        "camel.exchangeonline.connections.fabrikam.access-token=${FABRIKAM_TOKEN}",
        "camel.exchangeonline.connections.fabrikam.connection-uri=${ADMIN_API_URL}",
        "camel.exchangeonline.connections.northwind.organization=northwind.onmicrosoft.com",
        "camel.exchangeonline.connections.northwind.access-token-provider=#expiringTokenProvider",
        "camel.exchangeonline.connections.northwind.connection-uri=${ADMIN_API_URL}",
        "camel.health.exposure-level=full",
        "management.endpoint.health.show-details=always"})
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExoStarterApplicationTest {

    static final String CONTOSO = "contoso.onmicrosoft.com";
    static final String FABRIKAM = "fabrikam.onmicrosoft.com";
    static final String CONTOSO_TOKEN = AdminApiFake.appToken("tid-contoso");
    static final String FABRIKAM_TOKEN = AdminApiFake.appToken("tid-fabrikam");
    static final AdminApiFake ADMIN_API = new AdminApiFake();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        // stand-ins for environment variables: secrets reach the connections through ${...} placeholders
        registry.add("CONTOSO_TOKEN", () -> CONTOSO_TOKEN);
        registry.add("FABRIKAM_TOKEN", () -> FABRIKAM_TOKEN);
        registry.add("ADMIN_API_URL", ADMIN_API::baseUrl);
        ADMIN_API.stubMailboxes(CONTOSO, 5, 2);
        ADMIN_API.stubMailboxes(FABRIKAM, 3, 2);
        ADMIN_API.stubAnyCmdlet(CONTOSO, Map.of("Name", "Retain 7 years"));
        ADMIN_API.stubAnyCmdlet("northwind.onmicrosoft.com", Map.of("Identity", "anyone"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        final AtomicInteger tokenRequests = new AtomicInteger();

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:contoso-mailboxes").to("exo:Get-Mailbox?connection=contoso&ResultSize=Unlimited")
                            .split(body()).streaming().to("mock:contoso");
                    from("direct:fabrikam-mailboxes").to("exo:Get-Mailbox?connection=fabrikam&ResultSize=Unlimited")
                            .split(body()).streaming().to("mock:fabrikam");
                    from("direct:contoso-retention").to("scc:Get-RetentionCompliancePolicy?connection=contoso");
                    from("direct:northwind").to("exo:Get-Mailbox?connection=northwind");
                }
            };
        }

        /** Valid at start-up, then refused: its token is always within the refresh margin, so each call asks again. */
        @Bean
        ExoAccessTokenProvider expiringTokenProvider() {
            return (scope, forceRefresh) -> {
                if (tokenRequests.incrementAndGet() > 1) {
                    throw new IllegalStateException("AADSTS700024: client assertion is not within its valid time range");
                }
                return new AccessToken(AdminApiFake.appToken("tid-northwind"), Instant.now().plusSeconds(60));
            };
        }
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    HealthEndpoint health;

    @AfterAll
    static void stopAdminApi() {
        ADMIN_API.close();
    }

    private Map<String, Object> camelHealth() {
        return ((IndicatedHealthDescriptor) health.healthForPath("camelHealth")).getDetails();
    }

    @Test
    @Order(1)
    void eachTenantRunsItsRoutesWithItsOwnToken(CapturedOutput output) throws Exception {
        MockEndpoint contoso = template.getCamelContext().getEndpoint("mock:contoso", MockEndpoint.class);
        MockEndpoint fabrikam = template.getCamelContext().getEndpoint("mock:fabrikam", MockEndpoint.class);
        contoso.expectedMessageCount(5);
        fabrikam.expectedMessageCount(3);

        template.sendBody("direct:contoso-mailboxes", null);
        template.sendBody("direct:fabrikam-mailboxes", null);
        Object policies = template.requestBody("direct:contoso-retention", (Object) null);

        MockEndpoint.assertIsSatisfied(contoso, fabrikam);
        assertThat(contoso.getExchanges().get(4).getMessage().getBody(Map.class)).containsEntry("Identity", "user4");
        assertThat(policies).asList().singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("Name", "Retain 7 years");
        Map<String, java.util.List<String>> tokens = ADMIN_API.tokensByTenant();
        // contoso: 3 pages of Get-Mailbox and the scc call; fabrikam: 2 pages
        assertThat(tokens.get(CONTOSO)).hasSize(4).containsOnly(CONTOSO_TOKEN);
        assertThat(tokens.get(FABRIKAM)).hasSize(2).containsOnly(FABRIKAM_TOKEN);
        assertThat(output.getAll()).doesNotContain(CONTOSO_TOKEN).doesNotContain(FABRIKAM_TOKEN);
    }

    @Test
    @Order(2)
    void healthListsEachSessionWithItsDetailsButNoSecret() {
        Map<String, Object> details = camelHealth();
        assertThat(details).containsEntry("exo:ExchangeOnline_1", "UP").containsEntry("exo:ExchangeOnline_2", "UP")
                .containsEntry("scc:ExchangeOnlineProtection_1", "UP");
        Map<String, Map<String, String>> sessions = Map.of(
                "contoso", sessionData(details, "contoso", "exo"), "fabrikam", sessionData(details, "fabrikam", "exo"));
        assertThat(sessions.get("contoso")).containsEntry("state", "SIGNED_IN").containsEntry("organization", CONTOSO)
                .containsEntry("environment", "O365Default").containsEntry("tenantId", "tid-contoso").containsEntry("requests", "3")
                .containsEntry("throttledResponses", "0").containsKey("tokenExpiry");
        assertThat(sessions.get("fabrikam")).containsEntry("organization", FABRIKAM).containsEntry("requests", "2");
        assertThat(sessionData(details, "contoso", "scc")).containsEntry("organization", CONTOSO).containsEntry("requests", "1");
        assertThat(details.toString()).doesNotContain(CONTOSO_TOKEN).doesNotContain(FABRIKAM_TOKEN);
    }

    @Test
    @Order(3)
    void aConnectionWhoseSignInFailsTurnsHealthDownWithTheReason() {
        assertThatThrownBy(() -> template.sendBody("direct:northwind", null))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(ExoAuthenticationException.class);

        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        Map<String, String> northwind = sessionData(camelHealth(), "northwind", "exo");
        assertThat(northwind).containsEntry("state", "FAILED").containsEntry("reason",
                "The accessTokenProvider failed: AADSTS700024: client assertion is not within its valid time range");
        assertThat(sessionData(camelHealth(), "contoso", "exo")).containsEntry("state", "SIGNED_IN");
    }

    /** The details ("id.data") of the scheme's session check that serves the connection. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> sessionData(Map<String, Object> camelHealth, String connection, String scheme) {
        return camelHealth.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(scheme + ":") && entry.getKey().endsWith(".data"))
                .map(entry -> (Map<String, String>) entry.getValue())
                .filter(data -> connection.equals(data.get("connections")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + scheme + " session for " + connection + " in " + camelHealth.keySet()));
    }
}
