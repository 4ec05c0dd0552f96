package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.exchangeonline.simulator.tenant.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Search-UnifiedAuditLog: session paging, its caps, ingestion delay and the session faults collectors report. */
class AuditSearchTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** Generated events fill whole hours: a window of whole hours holds exactly hours x events per hour. */
    private static final Instant HOUR = NOW.truncatedTo(ChronoUnit.HOURS);

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().tenant(TENANT, 50));

    private final AdminApiHttp http = new AdminApiHttp();
    private TenantSimulator sim;
    private String token;

    @BeforeEach
    void signIn() {
        sim = SIM.simulator();
        token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
        sim.auditLog(TENANT).generatePerHour(0);
    }

    private JsonNode search(Instant start, Instant end, Map<String, Object> more) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("StartDate", start.toString());
        parameters.put("EndDate", end.toString());
        parameters.putAll(more);
        AdminApiHttp.Answer answer =
                http.invoke(sim.exchangeUrl(), TENANT, token, "Search-UnifiedAuditLog", parameters);
        assertThat(answer.status()).as(new String(answer.body())).isEqualTo(200);
        return answer.json().path("value");
    }

    private static List<String> ids(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.path("Identity").asText()));
        return ids;
    }

    @Test
    void aSessionReturnsSuccessiveBlocksWithRunningIndexUntilAnEmptyCall() {
        Instant start = HOUR.minus(Duration.ofDays(3));
        sim.auditLog(TENANT).generatePerHour(10);
        Map<String, Object> session = Map.of("SessionId", "s1", "SessionCommand", "ReturnLargeSet", "ResultSize", 300);
        Set<String> seen = new HashSet<>();
        int expectedIndex = 1;
        int total = -1;
        while (true) {
            JsonNode rows = search(start, start.plus(Duration.ofDays(1)).minusSeconds(1), session);
            if (rows.isEmpty()) {
                break;
            }
            for (JsonNode row : rows) {
                assertThat(row.path("ResultIndex").asInt()).isEqualTo(expectedIndex++);
                total = row.path("ResultCount").asInt();
                assertThat(row.path("AuditData").asText())
                        .contains("\"Id\":\"" + row.path("Identity").asText() + "\"");
                assertThat(row.path("CreationDate@data.type").asText()).isEqualTo("System.DateTime");
            }
            seen.addAll(ids(rows));
        }
        assertThat(total).isEqualTo(240);
        assertThat(seen).hasSize(240);
        assertThat(expectedIndex - 1).isEqualTo(240);
    }

    @Test
    void aLargeSetSessionStopsAtFiftyThousandWhileResultCountKeepsTheTotal() {
        Instant start = HOUR.minus(Duration.ofDays(10));
        sim.auditLog(TENANT).generatePerHour(300);
        Map<String, Object> session =
                // blocks of 1,000, one page each (a larger block would go on over nextLinks within the call)
                Map.of("SessionId", "cap", "SessionCommand", "ReturnLargeSet", "ResultSize", 1000);
        int read = 0;
        int count = 0;
        for (int call = 0; call < 52; call++) {
            JsonNode rows = search(start, start.plus(Duration.ofDays(8)).minusSeconds(1), session);
            read += rows.size();
            if (!rows.isEmpty()) {
                count = rows.get(0).path("ResultCount").asInt();
            }
        }
        assertThat(count).isEqualTo(8 * 24 * 300);
        assertThat(read).isEqualTo(50_000);
    }

    @Test
    void anEventIsSearchableOnlyOnceIngestedAndBothEndsAreInclusiveAtWholeSeconds() {
        AuditLog log = sim.auditLog(TENANT);
        AuditLog.Event ingested = log.add(NOW.minus(Duration.ofHours(2)), Duration.ofMinutes(30), "Set-Mailbox", "a");
        AuditLog.Event late = log.add(NOW.minus(Duration.ofHours(2)), Duration.ofHours(5), "Set-Mailbox", "b");
        Map<String, Object> session = Map.of("SessionId", "in", "SessionCommand", "ReturnLargeSet", "ResultSize", 10);
        List<String> found = ids(search(ingested.created(), ingested.created(), session));
        assertThat(found).contains(ingested.id()).doesNotContain(late.id());
        assertThat(ids(search(ingested.created().plusSeconds(1), NOW, Map.of())))
                .doesNotContain(ingested.id());
    }

    @Test
    void withoutASessionCommandAtMostOneHundredRecordsAndResultSizeAboveFiveThousandIsRefused() {
        Instant start = NOW.minus(Duration.ofDays(2));
        sim.auditLog(TENANT).generatePerHour(20);
        assertThat(search(start, start.plus(Duration.ofDays(1)), Map.of("ResultSize", 1000)))
                .hasSize(100);
        Map<String, Object> parameters = Map.of(
                "StartDate",
                start.toString(),
                "EndDate",
                NOW.toString(),
                "SessionCommand",
                "ReturnLargeSet",
                "ResultSize",
                5001);
        AdminApiHttp.Answer refused =
                http.invoke(sim.exchangeUrl(), TENANT, token, "Search-UnifiedAuditLog", parameters);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(new String(refused.body())).contains("maximum allowed range of 5000");
    }

    @Test
    void injectedSessionFaultsBreakOneCallEach() {
        Instant start = NOW.minus(Duration.ofDays(2));
        sim.auditLog(TENANT).generatePerHour(10);
        AuditLog log = sim.auditLog(TENANT);
        Map<String, Object> session = Map.of("SessionId", "f", "SessionCommand", "ReturnLargeSet", "ResultSize", 50);
        Instant end = start.plus(Duration.ofDays(1));
        log.breakSessionCall(AuditLog.SessionFault.EMPTY_PAGE, 1);
        assertThat(search(start, end, session)).hasSize(50);
        assertThat(search(start, end, session)).as("the broken call").isEmpty();
        log.breakSessionCall(AuditLog.SessionFault.INDEX_MINUS_ONE, 0);
        JsonNode broken = search(start, end, session);
        assertThat(broken).hasSize(50);
        assertThat(broken.get(0).path("ResultIndex").asInt()).isEqualTo(-1);
        assertThat(broken.get(0).path("ResultCount").asInt()).isZero();
        assertThat(search(start, end, session).get(0).path("ResultIndex").asInt())
                .isEqualTo(101);
    }

    @Test
    void aLargeSetSessionMayRepeatRowsWhichCountInItsIndexAndTotal() {
        Instant start = HOUR.minus(Duration.ofDays(3));
        AuditLog log = sim.auditLog(TENANT);
        log.generatePerHour(10);
        log.repeatRowsEvery(20);
        try {
            Map<String, Object> session =
                    Map.of("SessionId", "repeats", "SessionCommand", "ReturnLargeSet", "ResultSize", 5000);
            JsonNode rows = search(start, start.plus(Duration.ofDays(1)).minusSeconds(1), session);
            List<String> ids = ids(rows);
            assertThat(ids).hasSize(240 + 12);
            assertThat(new HashSet<>(ids)).hasSize(240);
            assertThat(rows.get(rows.size() - 1).path("ResultIndex").asInt()).isEqualTo(252);
            assertThat(rows.get(0).path("ResultCount").asInt()).isEqualTo(252);
        } finally {
            log.repeatRowsEvery(0);
        }
    }

    @Test
    void anIdleSessionIsForgottenAndItsNextCallStartsOverAtIndexOne() throws InterruptedException {
        Instant start = HOUR.minus(Duration.ofDays(3));
        AuditLog log = sim.auditLog(TENANT);
        log.generatePerHour(10);
        Map<String, Object> session = Map.of("SessionId", "idle", "SessionCommand", "ReturnLargeSet", "ResultSize", 50);
        Instant end = start.plus(Duration.ofDays(1)).minusSeconds(1);
        log.expireSessionsAfter(Duration.ofMillis(300));
        try {
            assertThat(search(start, end, session).get(0).path("ResultIndex").asInt())
                    .isEqualTo(1);
            assertThat(search(start, end, session).get(0).path("ResultIndex").asInt())
                    .as("a call within the idle limit goes on")
                    .isEqualTo(51);
            Thread.sleep(600);
            assertThat(search(start, end, session).get(0).path("ResultIndex").asInt())
                    .as("the session was forgotten")
                    .isEqualTo(1);
        } finally {
            log.expireSessionsAfter(AuditLog.DEFAULT_SESSION_IDLE_LIMIT);
        }
    }
}
