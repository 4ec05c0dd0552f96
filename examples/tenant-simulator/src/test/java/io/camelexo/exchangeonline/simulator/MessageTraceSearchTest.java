package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.exchangeonline.simulator.tenant.MessageTrace;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Get-MessageTraceV2: newest first, the truncation warning and its keyset, the span, retention and quota rules. */
class MessageTraceSearchTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    /** Its quota counts only the quota test's queries. */
    private static final String QUOTA_TENANT = "fabrikam.onmicrosoft.com";
    /** Its rows stay out of the other tests' searches. */
    private static final String STATUS_TENANT = "northwind.onmicrosoft.com";

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(TenantSimulator.builder()
            .tenant(TENANT, 50)
            .tenant(QUOTA_TENANT, 50)
            .tenant(STATUS_TENANT, 20));

    private final AdminApiHttp http = new AdminApiHttp();
    private TenantSimulator sim;
    private String token;

    @BeforeEach
    void signIn() {
        sim = SIM.simulator();
        token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
    }

    private AdminApiHttp.Answer trace(Map<String, Object> parameters) {
        return trace("Get-MessageTraceV2", parameters);
    }

    private AdminApiHttp.Answer trace(String cmdlet, Map<String, Object> parameters) {
        return http.invoke(sim.exchangeUrl(), TENANT, token, cmdlet, parameters);
    }

    @Test
    void aTruncatedAnswerWarnsWithTheLastRowAsCursorAndTheNextQueryNeverRepeatsIt() {
        MessageTrace trace = sim.messageTrace(TENANT);
        Instant received = NOW.minus(Duration.ofHours(3)).plusNanos(5_170_000);
        List<String> recipients =
                IntStream.range(0, 5).mapToObj(i -> "r" + i + "@contoso.com").toList();
        trace.add(received, "x@partner.example", recipients, "to five");
        trace.add(received.plusSeconds(60), "y@partner.example", List.of("a@contoso.com"), "newer");
        Instant start = NOW.minus(Duration.ofHours(4));
        Map<String, Object> first = new LinkedHashMap<>(Map.of("StartDate", start.toString(), "ResultSize", 2));
        AdminApiHttp.Answer answer = trace(first);
        JsonNode rows = answer.json().path("value");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("Subject").asText()).as("newest first").isEqualTo("newer");
        assertThat(rows.get(1).path("RecipientAddress").asText()).isEqualTo("r0@contoso.com");
        assertThat(answer.json().has("@odata.nextLink")).isFalse();
        String warning = answer.json().path("@adminapi.warnings").get(0).asText();
        assertThat(warning)
                .startsWith("There are more results, use the following command to get more. Get-MessageTraceV2")
                .contains("-EndDate \"" + rows.get(1).path("Received").asText() + "\"")
                .contains("-StartingRecipientAddress \"r0@contoso.com\"");
        assertThat(rows.get(1).path("Received").asText()).endsWith(".0051700Z");

        List<String> walked = new ArrayList<>(List.of("r0@contoso.com"));
        Map<String, Object> next = new LinkedHashMap<>(first);
        JsonNode last = rows.get(1);
        while (true) {
            next.put("EndDate", last.path("Received").asText());
            next.put("StartingRecipientAddress", last.path("RecipientAddress").asText());
            JsonNode page = trace(next).json().path("value");
            page.forEach(row -> walked.add(row.path("RecipientAddress").asText()));
            if (page.size() < 2) {
                break;
            }
            last = page.get(page.size() - 1);
        }
        assertThat(walked).containsExactlyElementsOf(recipients);
    }

    @Test
    void moreThanTenDaysOrOlderThanNinetyDaysIsRefused() {
        AdminApiHttp.Answer wide =
                trace(Map.of("StartDate", NOW.minus(Duration.ofDays(12)).toString(), "EndDate", NOW.toString()));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(new String(wide.body())).contains("can't exceed 10 days");
        AdminApiHttp.Answer old = trace(Map.of(
                "StartDate", NOW.minus(Duration.ofDays(95)).toString(),
                "EndDate", NOW.minus(Duration.ofDays(94)).toString()));
        assertThat(old.status()).isEqualTo(400);
        assertThat(new String(old.body())).contains("older than 90 days");
    }

    @Test
    void theHundredAndFirstQueryWithinFiveMinutesIsThrottled() {
        String quotaToken = sim.accessToken(QUOTA_TENANT, SimulatedService.EXCHANGE);
        for (int i = 0; i < 100; i++) {
            AdminApiHttp.Answer answer = http.invoke(
                    sim.exchangeUrl(), QUOTA_TENANT, quotaToken, "Get-MessageTraceV2", Map.of("ResultSize", 1));
            assertThat(answer.status()).as("query %d", i + 1).isEqualTo(200);
        }
        AdminApiHttp.Answer refused =
                http.invoke(sim.exchangeUrl(), QUOTA_TENANT, quotaToken, "Get-MessageTraceV2", Map.of("ResultSize", 1));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Double.parseDouble(
                        refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1.0, 300.0);
    }

    @Test
    void aRowReportsGettingStatusUntilItsStatusSettles() {
        MessageTrace trace = sim.messageTrace(STATUS_TENANT);
        trace.add(NOW.minus(Duration.ofMinutes(2)), "fresh@partner.example", List.of("s1@contoso.com"), "fresh");
        trace.add(NOW.minus(Duration.ofMinutes(30)), "old@partner.example", List.of("s1@contoso.com"), "settled");
        JsonNode rows = http.invoke(
                        sim.exchangeUrl(),
                        STATUS_TENANT,
                        sim.accessToken(STATUS_TENANT, SimulatedService.EXCHANGE),
                        "Get-MessageTraceV2",
                        Map.of("StartDate", NOW.minus(Duration.ofHours(1)).toString()))
                .json()
                .path("value");
        Map<String, String> statusBySubject = new LinkedHashMap<>();
        rows.forEach(row -> statusBySubject.put(
                row.path("Subject").asText(), row.path("Status").asText()));
        assertThat(statusBySubject).containsEntry("fresh", "GettingStatus").containsEntry("settled", "Delivered");
    }

    @Test
    void theRetiredMessageTraceCmdletsAnswer400WithTheDeprecationNotice() {
        AdminApiHttp.Answer old = trace(
                "Get-MessageTrace",
                Map.of("StartDate", NOW.minus(Duration.ofHours(1)).toString()));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json()
                        .path("error")
                        .path("details")
                        .get(0)
                        .path("message")
                        .asText())
                .startsWith("|Microsoft.Exchange.Management.Tasks.ValidationException|Get-MessageTrace will start "
                        + "deprecating on September 1st, 2025.")
                .contains("to switch to Get-MessageTraceV2.");
        AdminApiHttp.Answer detail = trace("Get-MessageTraceDetail", Map.of());
        assertThat(detail.status()).isEqualTo(400);
        assertThat(detail.text()).contains("Get-MessageTraceDetail will start deprecating", "Get-MessageTraceDetailV2");
    }
}
