package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Records added over HTTP to a running simulator are what the cmdlets then find. */
class AddedRecordsTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().tenant(TENANT, 20));

    private final HttpClient client = HttpClient.newHttpClient();
    private final AdminApiHttp http = new AdminApiHttp();

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(SIM.simulator().exchangeUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode rows(String cmdlet, Map<String, Object> parameters) {
        String token = SIM.simulator().accessToken(TENANT, SimulatedService.EXCHANGE);
        return http.invoke(SIM.simulator().exchangeUrl(), TENANT, token, cmdlet, parameters)
                .json()
                .path("value");
    }

    @Test
    void anAuditEventPostedIsFoundBySearchUnifiedAuditLogOnceIngested() throws Exception {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        HttpResponse<String> added = post(
                "/_simulator/tenants/" + TENANT + "/audit-events",
                "{\"operation\":\"Set-MailboxAutoReplyConfiguration\",\"objectId\":\"leaver@contoso.com\","
                        + "\"created\":\"" + created + "\",\"ingestionDelay\":\"PT0S\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String identity = JSON.readTree(added.body()).path("Identity").asText();
        HttpResponse<String> notYet = post(
                "/_simulator/tenants/" + TENANT + "/audit-events",
                "{\"operation\":\"Set-Mailbox\",\"objectId\":\"x\",\"created\":\"" + created + "\"}");
        String notYetIngested = JSON.readTree(notYet.body()).path("Identity").asText();

        JsonNode rows =
                rows("Search-UnifiedAuditLog", Map.of("StartDate", created.toString(), "EndDate", created.toString()));
        List<String> found = new ArrayList<>();
        rows.forEach(row -> found.add(row.path("Identity").asText()));
        assertThat(found)
                .contains(identity)
                .as("30 minutes of ingestion by default")
                .doesNotContain(notYetIngested);
        assertThat(rows.get(found.indexOf(identity)).path("AuditData").asText())
                .contains("Set-MailboxAutoReplyConfiguration")
                .contains("leaver@contoso.com");
    }

    @Test
    void aMessagePostedIsFoundByGetMessageTraceV2OneRowPerRecipient() throws Exception {
        Instant received = Instant.now().minus(Duration.ofHours(1));
        HttpResponse<String> added = post(
                "/_simulator/tenants/" + TENANT + "/messages",
                "{\"sender\":\"x@partner.example\",\"recipients\":[\"a@contoso.com\",\"b@contoso.com\"],"
                        + "\"subject\":\"posted\",\"received\":\"" + received + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String id = JSON.readTree(added.body()).path("MessageTraceId").asText();

        JsonNode rows = rows(
                "Get-MessageTraceV2",
                Map.of("StartDate", received.minusSeconds(1).toString(), "SenderAddress", "x@partner.example"));
        List<String> recipients = new ArrayList<>();
        rows.forEach(row -> {
            assertThat(row.path("MessageTraceId").asText()).isEqualTo(id);
            recipients.add(row.path("RecipientAddress").asText());
        });
        assertThat(recipients).containsExactly("a@contoso.com", "b@contoso.com");
    }

    @Test
    void aBadBodyOrUnknownTenantIsRefusedNamingTheProblem() throws Exception {
        HttpResponse<String> noOperation = post("/_simulator/tenants/" + TENANT + "/audit-events", "{}");
        assertThat(noOperation.statusCode()).isEqualTo(400);
        assertThat(noOperation.body()).contains("'operation' is required");
        HttpResponse<String> badDate = post(
                "/_simulator/tenants/" + TENANT + "/audit-events",
                "{\"operation\":\"Set-Mailbox\",\"created\":\"yesterday\"}");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("'created' must be an ISO-8601 instant");
        HttpResponse<String> noRecipients =
                post("/_simulator/tenants/" + TENANT + "/messages", "{\"sender\":\"x@y.example\"}");
        assertThat(noRecipients.statusCode()).isEqualTo(400);
        assertThat(noRecipients.body()).contains("'recipients'");
        HttpResponse<String> unknown =
                post("/_simulator/tenants/nowhere.onmicrosoft.com/audit-events", "{\"operation\":\"Set-Mailbox\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("nowhere.onmicrosoft.com");
    }
}
