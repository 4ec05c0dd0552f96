package io.camelexo.exchangeonline.simulator;

import static io.camelexo.exchangeonline.simulator.AdminApiHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Security &amp; Compliance: the front door's 302, the regional host's cmdlets, and the SCC token audience. */
class ComplianceTest {

    private static final String TENANT = "contoso.onmicrosoft.com";

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(100));

    private final AdminApiHttp http = new AdminApiHttp();

    @Test
    void theFrontDoorRedirectsToTheRegionalOriginWithPathAndQuery() {
        TenantSimulator sim = SIM.simulator();
        String token = sim.accessToken(TENANT, SimulatedService.COMPLIANCE);
        AdminApiHttp.Answer redirect = http.post(
                AdminApiHttp.invokeCommandUrl(sim.complianceUrl(), TENANT) + "?$select=Name",
                token,
                AdminApiHttp.cmdletInput("Get-RetentionCompliancePolicy", Map.of()));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.body()).isEmpty();
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.getScheme() + "://" + location.getRawAuthority()).isEqualTo(sim.regionalComplianceUrl());
        assertThat(location.getRawPath()).isEqualTo("/adminapi/beta/" + TENANT + "/InvokeCommand");
        assertThat(location.getRawQuery()).isEqualTo("$select=Name");

        JsonNode policies = http.post(
                        location.toString(), token, AdminApiHttp.cmdletInput("Get-RetentionCompliancePolicy", Map.of()))
                .json();
        assertThat(policies.path("value")).hasSize(3);
        assertThat(policies.path("value").get(0).size()).isEqualTo(1);
        assertThat(sim.journal().entries(SimulatedService.COMPLIANCE_FRONT_DOOR))
                .hasSize(1);
        assertThat(sim.journal().entries(SimulatedService.COMPLIANCE).get(0).cmdlet())
                .isEqualTo("Get-RetentionCompliancePolicy");
    }

    @Test
    void theRegionalHostServesComplianceCmdletsOnlyWithAComplianceToken() throws Exception {
        TenantSimulator sim = SIM.simulator();
        String compliance = sim.accessToken(TENANT, SimulatedService.COMPLIANCE);
        JsonNode searches = http.invoke(
                        sim.regionalComplianceUrl(), TENANT, compliance, "Get-ComplianceSearch", Map.of())
                .json();
        assertThat(searches.path("value").get(0).path("Status").asText()).isEqualTo("Completed");
        JsonNode one = http.invoke(
                        sim.regionalComplianceUrl(),
                        TENANT,
                        compliance,
                        "Get-RetentionCompliancePolicy",
                        Map.of("Identity", "Finance records"))
                .json();
        assertThat(one.path("value")).hasSize(1);

        String exchange = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
        assertThat(http.invoke(sim.regionalComplianceUrl(), TENANT, exchange, "Get-ComplianceSearch", Map.of())
                        .status())
                .isEqualTo(401);
        AdminApiHttp.Answer exchangeCmdlet =
                http.invoke(sim.regionalComplianceUrl(), TENANT, compliance, "Get-Mailbox", Map.of());
        assertThat(exchangeCmdlet.status()).isEqualTo(400);
        assertThat(JSON.readTree(exchangeCmdlet
                                .json()
                                .path("error")
                                .path("details")
                                .get(0)
                                .path("message")
                                .asText())
                        .path("TypeName")
                        .asText())
                .isEqualTo("System.Management.Automation.CommandNotFoundException");
    }
}
