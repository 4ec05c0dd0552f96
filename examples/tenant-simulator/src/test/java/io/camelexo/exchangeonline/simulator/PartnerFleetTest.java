package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's fleet: 200 customer tenants in one simulator, one partner app consented in each. Its secret signs in at
 * any customer, a token works only at the customer it was issued for, and each customer has its own mailboxes.
 */
class PartnerFleetTest {

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().customers(200, 500));

    private final AdminApiHttp http = new AdminApiHttp();

    private JsonNode mailboxes(String tenant, String token) {
        AdminApiHttp.Answer answer = http.invoke(
                SIM.simulator().exchangeUrl(),
                tenant,
                token,
                "Get-Mailbox",
                Map.of("ResultSize", 1000),
                "Prefer",
                "odata.maxpagesize=1000");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().path("value");
    }

    @Test
    void thePartnerAppSignsInAtEveryCustomerAndSeesOnlyThatCustomersMailboxes() {
        TenantSimulator sim = SIM.simulator();
        AppCredentials partner = sim.partnerApp();
        assertThat(sim.tenants())
                .hasSize(201)
                .startsWith(TenantSimulator.DEFAULT_TENANT, TenantSimulator.customerDomain(1))
                .endsWith(TenantSimulator.customerDomain(200));
        Set<String> addresses = new HashSet<>();
        for (int customer : new int[] {1, 137, 200}) {
            String tenant = TenantSimulator.customerDomain(customer);
            String token = AdminApiHttp.appToken(sim, tenant, partner.appId(), partner.clientSecret());
            JsonNode rows = mailboxes(tenant, token);
            assertThat(rows).hasSize(500);
            rows.forEach(row -> addresses.add(row.path("PrimarySmtpAddress").asText()));
        }
        assertThat(addresses).as("three customers, three sets of mailboxes").hasSize(1_500);
    }

    @Test
    void aCustomersTokenIsRefusedAtAnotherCustomer() {
        TenantSimulator sim = SIM.simulator();
        AppCredentials partner = sim.partnerApp();
        String token =
                AdminApiHttp.appToken(sim, TenantSimulator.customerDomain(5), partner.appId(), partner.clientSecret());
        AdminApiHttp.Answer refused = http.invoke(
                sim.exchangeUrl(), TenantSimulator.customerDomain(6), token, "Get-AcceptedDomain", Map.of());
        assertThat(refused.status()).isIn(401, 403);
    }

    @Test
    void theConnectionFileLetsAnotherProcessSignInAsThePartner(@TempDir Path directory) throws Exception {
        TenantSimulator sim = SIM.simulator();
        Path file = directory.resolve("fleet.properties");
        sim.writePartnerConnection(file);
        Properties connection = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            connection.load(in);
        }
        assertThat(connection.getProperty("customer-tenants").split(","))
                .hasSize(200)
                .startsWith(TenantSimulator.customerDomain(1))
                .doesNotContain(TenantSimulator.DEFAULT_TENANT);
        assertThat(connection.getProperty("partner-tenant")).isEqualTo(TenantSimulator.DEFAULT_TENANT);
        assertThat(Path.of(connection.getProperty("trust-store")))
                .isEqualTo(sim.trustStorePath().toAbsolutePath());
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String tenant = TenantSimulator.customerDomain(77);
        assertThat(connection.getProperty("exchange-url")).isEqualTo(sim.exchangeUrl());
        String token = AdminApiHttp.appToken(
                sim, tenant, connection.getProperty("partner-app-id"), connection.getProperty("partner-client-secret"));
        assertThat(mailboxes(tenant, token)).hasSize(500);
    }
}
