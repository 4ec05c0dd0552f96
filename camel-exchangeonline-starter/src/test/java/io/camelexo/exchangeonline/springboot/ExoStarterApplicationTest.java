package io.camelexo.exchangeonline.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.camel.SimulatorTrust;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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

/**
 * An application with only the starter and properties: two tenants of the tenant simulator as named connections,
 * each signing in with its own app and secret, exo and scc routes, streaming splits by default, one health entry
 * per session in /actuator/health, and the calls' metrics in the application's MeterRegistry.
 */
@SpringBootTest(
        classes = ExoStarterApplicationTest.Application.class,
        properties = {
            "camel.component.exo.output-type=Stream",
            "camel.component.exo.page-size=2",
            "camel.component.exo.connection-uri=${EXCHANGE_URL}",
            "camel.component.exo.ssl-context-parameters=#simulatorTrust",
            "camel.component.scc.connection-uri=${COMPLIANCE_URL}",
            "camel.component.scc.ssl-context-parameters=#simulatorTrust",
            "camel.exchangeonline.connections.contoso.organization=contoso.onmicrosoft.com",
            "camel.exchangeonline.connections.contoso.auth=clientSecret",
            "camel.exchangeonline.connections.contoso.app-id=${CONTOSO_APP_ID}",
            "camel.exchangeonline.connections.contoso.client-secret=${CONTOSO_SECRET}",
            "camel.exchangeonline.connections.contoso.azure-ad-authorization-endpoint-uri=${CONTOSO_AUTHORITY}",
            "camel.exchangeonline.connections.fabrikam.organization=fabrikam.onmicrosoft.com",
            "camel.exchangeonline.connections.fabrikam.auth=clientSecret",
            "camel.exchangeonline.connections.fabrikam.app-id=${FABRIKAM_APP_ID}",
            "camel.exchangeonline.connections.fabrikam.client-secret=${FABRIKAM_SECRET}",
            "camel.exchangeonline.connections.fabrikam.azure-ad-authorization-endpoint-uri=${FABRIKAM_AUTHORITY}",
            "camel.exchangeonline.connections.northwind.organization=northwind.onmicrosoft.com",
            "camel.exchangeonline.connections.northwind.access-token-provider=#expiringTokenProvider",
            "camel.health.exposure-level=full",
            "management.endpoint.health.show-details=always"
        })
@ExtendWith(OutputCaptureExtension.class)
class ExoStarterApplicationTest {

    static final String CONTOSO = "contoso.onmicrosoft.com";
    static final String FABRIKAM = "fabrikam.onmicrosoft.com";
    static final String NORTHWIND = "northwind.onmicrosoft.com";
    static final TenantSimulator SIMULATOR = TenantSimulator.builder()
            .tenant(CONTOSO, 5)
            .tenant(FABRIKAM, 3)
            .tenant(NORTHWIND, 1)
            .build()
            .start();
    static final AppCredentials CONTOSO_APP = SIMULATOR.defaultApp(CONTOSO);
    static final AppCredentials FABRIKAM_APP = SIMULATOR.defaultApp(FABRIKAM);

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        // stand-ins for environment variables: secrets reach the connections through ${...} placeholders
        registry.add("EXCHANGE_URL", SIMULATOR::exchangeUrl);
        registry.add("COMPLIANCE_URL", SIMULATOR::complianceUrl);
        registry.add("CONTOSO_APP_ID", CONTOSO_APP::appId);
        registry.add("CONTOSO_SECRET", CONTOSO_APP::clientSecret);
        registry.add("CONTOSO_AUTHORITY", () -> SIMULATOR.authorityUrl(CONTOSO));
        registry.add("FABRIKAM_APP_ID", FABRIKAM_APP::appId);
        registry.add("FABRIKAM_SECRET", FABRIKAM_APP::clientSecret);
        registry.add("FABRIKAM_AUTHORITY", () -> SIMULATOR.authorityUrl(FABRIKAM));
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
                    from("direct:contoso-mailboxes")
                            .to("exo:Get-Mailbox?connection=contoso&ResultSize=Unlimited")
                            .split(body())
                            .streaming()
                            .to("mock:contoso");
                    from("direct:fabrikam-mailboxes")
                            .to("exo:Get-Mailbox?connection=fabrikam&ResultSize=Unlimited")
                            .split(body())
                            .streaming()
                            .to("mock:fabrikam");
                    from("direct:contoso-retention").to("scc:Get-RetentionCompliancePolicy?connection=contoso");
                    from("direct:northwind").to("exo:Get-Mailbox?connection=northwind");
                }
            };
        }

        @Bean
        SSLContextParameters simulatorTrust() {
            return SimulatorTrust.of(SIMULATOR);
        }

        /** Valid at start-up, then refused: its token is always within the refresh margin, so each call asks again. */
        @Bean
        ExoAccessTokenProvider expiringTokenProvider() {
            return (scope, forceRefresh) -> {
                if (tokenRequests.incrementAndGet() > 1) {
                    throw new IllegalStateException(
                            "AADSTS700024: client assertion is not within its valid time range");
                }
                return new AccessToken(
                        SIMULATOR.accessToken(NORTHWIND, SimulatedService.EXCHANGE),
                        Instant.now().plusSeconds(60));
            };
        }
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    HealthEndpoint health;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    private Map<String, Object> camelHealth() {
        return ((IndicatedHealthDescriptor) health.healthForPath("camelHealth")).getDetails();
    }

    @Test
    void eachTenantRunsItsRoutesWithItsOwnAppAndHealthListsEachSessionWithoutSecrets(CapturedOutput output)
            throws Exception {
        MockEndpoint contoso = template.getCamelContext().getEndpoint("mock:contoso", MockEndpoint.class);
        MockEndpoint fabrikam = template.getCamelContext().getEndpoint("mock:fabrikam", MockEndpoint.class);
        contoso.expectedMessageCount(5);
        fabrikam.expectedMessageCount(3);

        template.sendBody("direct:contoso-mailboxes", null);
        template.sendBody("direct:fabrikam-mailboxes", null);
        List<?> policies = template.requestBody("direct:contoso-retention", (Object) null, List.class);

        MockEndpoint.assertIsSatisfied(contoso, fabrikam);
        assertThat(contoso.getExchanges().get(4).getMessage().getBody(Map.class).get("Identity"))
                .isEqualTo(SIMULATOR.mailbox(CONTOSO, 4).get("Identity"));
        assertThat(policies)
                .isNotEmpty()
                .allSatisfy(
                        policy -> assertThat(((Map<?, ?>) policy).get("Name")).isNotNull());
        // contoso: 3 pages of Get-Mailbox and the scc call, fabrikam: 2 pages; each with its own tenant's app
        assertThat(adminApiCalls(CONTOSO))
                .hasSize(4)
                .extracting(JournalEntry::appId)
                .containsOnly(CONTOSO_APP.appId());
        assertThat(adminApiCalls(FABRIKAM))
                .hasSize(2)
                .extracting(JournalEntry::appId)
                .containsOnly(FABRIKAM_APP.appId());
        assertThat(SIMULATOR.journal().cmdletCalls("Get-RetentionCompliancePolicy"))
                .singleElement()
                .satisfies(call -> assertThat(call.service()).isEqualTo(SimulatedService.COMPLIANCE));

        Map<String, Object> details = camelHealth();
        assertThat(details)
                .containsEntry("exo:ExchangeOnline_1", "UP")
                .containsEntry("exo:ExchangeOnline_2", "UP")
                .containsEntry("scc:ExchangeOnlineProtection_1", "UP");
        assertThat(sessionData(details, "contoso", "exo"))
                .containsEntry("state", "SIGNED_IN")
                .containsEntry("organization", CONTOSO)
                .containsEntry("environment", "O365Default")
                .containsEntry("tenantId", SIMULATOR.tenantId(CONTOSO))
                .containsEntry("requests", "3")
                .containsEntry("throttledResponses", "0")
                .containsKey("tokenExpiry");
        assertThat(sessionData(details, "fabrikam", "exo"))
                .containsEntry("organization", FABRIKAM)
                .containsEntry("requests", "2");
        // scc: the front door's redirect, then the call at the regional host
        assertThat(sessionData(details, "contoso", "scc"))
                .containsEntry("organization", CONTOSO)
                .containsEntry("requests", "2");
        // the actuator's MeterRegistry has the calls' metrics without any setting
        assertThat(requests("exo", CONTOSO, "Get-Mailbox", "success")).isEqualTo(3);
        assertThat(requests("exo", FABRIKAM, "Get-Mailbox", "success")).isEqualTo(2);
        assertThat(requests("scc", CONTOSO, "Get-RetentionCompliancePolicy", "retried"))
                .isEqualTo(1);
        assertThat(requests("scc", CONTOSO, "Get-RetentionCompliancePolicy", "success"))
                .isEqualTo(1);
        assertThat(meters.get("exo.records")
                        .tags("service", "exo", "tenant", CONTOSO, "cmdlet", "Get-Mailbox")
                        .counter()
                        .count())
                .isEqualTo(5.0);
        assertThat(details.toString())
                .doesNotContain(CONTOSO_APP.clientSecret())
                .doesNotContain(FABRIKAM_APP.clientSecret());
        assertThat(output.getAll())
                .doesNotContain(CONTOSO_APP.clientSecret())
                .doesNotContain(FABRIKAM_APP.clientSecret());
    }

    @Test
    void aConnectionWhoseSignInFailsTurnsHealthDownWithTheReason() {
        assertThatThrownBy(() -> template.sendBody("direct:northwind", null))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(ExoAuthenticationException.class);

        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        Map<String, String> northwind = sessionData(camelHealth(), "northwind", "exo");
        assertThat(northwind)
                .containsEntry("state", "FAILED")
                .containsEntry(
                        "reason",
                        "The accessTokenProvider failed: AADSTS700024: client assertion is not within its valid time range");
        assertThat(sessionData(camelHealth(), "contoso", "exo")).containsEntry("state", "SIGNED_IN");
    }

    /** exo.requests of the tenant's cmdlet with that outcome, from the application's MeterRegistry. */
    private long requests(String service, String tenant, String cmdlet, String outcome) {
        return meters.get("exo.requests")
                .tags("service", service, "tenant", tenant, "cmdlet", cmdlet, "outcome", outcome)
                .timer()
                .count();
    }

    /** Admin API calls (Exchange and regional SCC) for the tenant, as the simulator saw them. */
    private static List<JournalEntry> adminApiCalls(String tenant) {
        String tenantId = SIMULATOR.tenantId(tenant);
        return SIMULATOR
                .journal()
                .entries(entry -> entry.service() != SimulatedService.ENTRA_ID
                        && tenantId.equals(entry.tenantId())
                        && entry.cmdlet() != null);
    }

    /** The details ("id.data") of the scheme's session check that serves the connection. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> sessionData(Map<String, Object> camelHealth, String connection, String scheme) {
        return camelHealth.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(scheme + ":")
                        && entry.getKey().endsWith(".data"))
                .map(entry -> (Map<String, String>) entry.getValue())
                .filter(data -> connection.equals(data.get("connections")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + scheme + " session for " + connection + " in " + camelHealth.keySet()));
    }
}
