package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JSON $batch on the wire: up to ten items, each run like a single call (same cmdlets, errors and paging), with its
 * own faults and journal entry; the envelope may be refused before its items run or lose its answer after they ran.
 */
class BatchTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    /** Only keeps a broken test from hanging. */
    private static final Duration STUCK = Duration.ofMinutes(1);

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(
            TenantSimulator.builder().mailboxes(60).seed(5).clock(CLOCK));

    private final TenantSimulator sim = SIM.simulator();
    private final String token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
    private final String invoke = AdminApiHttp.invokeCommandUrl(sim.exchangeUrl(), TENANT);
    private final AdminApiHttp http = new AdminApiHttp();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        pool.shutdownNow();
    }

    private AdminApiHttp.Answer batch(ObjectNode... items) {
        return http.batch(sim.exchangeUrl(), TENANT, token, List.of(items));
    }

    /** The answer to a batch of one Get-AcceptedDomain item. */
    private JsonNode onlyItemAnswer() {
        return batch(item("0", "Get-AcceptedDomain", Map.of()))
                .json()
                .path("responses")
                .get(0);
    }

    private ObjectNode item(String id, String cmdlet, Map<String, Object> parameters) {
        return AdminApiHttp.batchItem(id, invoke, cmdlet, parameters);
    }

    private String alias(int mailbox) {
        return String.valueOf(sim.mailbox(TENANT, mailbox).get("Alias"));
    }

    @Test
    void eachItemAnswersLikeASingleCallWithItsOwnIdStatusHeadersAndBody() {
        ObjectNode relative = item("2", "Get-OrganizationConfig", Map.of());
        relative.put("url", "InvokeCommand");
        ObjectNode entity = AdminApiHttp.JSON.createObjectNode();
        entity.put("id", "e");
        entity.put("method", "GET");
        entity.put("url", sim.exchangeUrl() + "/adminapi/beta/" + TENANT + "/Mailbox('" + alias(4) + "')");
        AdminApiHttp.Answer answer = batch(
                item("0", "Get-Mailbox", Map.of("Identity", alias(3))),
                item("1", "Get-Mailbox", Map.of("Identity", "ghost@contoso.com")),
                relative,
                entity);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode responses = answer.json().path("responses");
        assertThat(responses).hasSize(4);
        assertThat(responses.get(0).path("id").asText()).isEqualTo("0");
        assertThat(responses.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(responses
                        .get(0)
                        .path("body")
                        .path("value")
                        .get(0)
                        .path("Alias")
                        .asText())
                .isEqualTo(alias(3));
        assertThat(responses.get(0).path("headers").path("content-type").asText())
                .as("sub-response header names are lower case")
                .startsWith("application/json");
        assertThat(responses.get(1).path("status").asInt()).isEqualTo(404);
        assertThat(responses.get(1).path("body").path("error").path("code").asText())
                .isEqualTo("NotFound");
        assertThat(responses
                        .get(1)
                        .path("body")
                        .path("error")
                        .path("details")
                        .get(0)
                        .path("message")
                        .asText())
                .contains("ManagementObjectNotFoundException");
        assertThat(responses
                        .get(2)
                        .path("body")
                        .path("value")
                        .get(0)
                        .path("Name")
                        .asText())
                .isEqualTo(TENANT);
        assertThat(responses.get(3).path("body").path("Alias").asText()).isEqualTo(alias(4));

        List<JournalEntry> items = sim.journal().entries(JournalEntry::isBatchItem);
        assertThat(items).extracting(JournalEntry::batchItemId).containsExactly("0", "1", "2", "e");
        assertThat(items)
                .extracting(JournalEntry::cmdlet)
                .containsExactly("Get-Mailbox", "Get-Mailbox", "Get-OrganizationConfig", "Get-EXOMailbox");
        assertThat(items).extracting(JournalEntry::status).containsExactly(200, 404, 200, 200);
        JournalEntry envelope =
                sim.journal().entries(entry -> entry.url().endsWith("/$batch")).get(0);
        assertThat(items).allSatisfy(entry -> assertThat(entry.batchId()).isEqualTo(envelope.batchId()));
        assertThat(envelope.batchId()).isEqualTo(answer.header("request-id"));
        assertThat(envelope.isBatchItem()).isFalse();
    }

    @Test
    void anItemWithMorePagesCarriesANextLinkThatTheClientFollowsOutsideTheBatch() {
        ObjectNode listing = item("0", "Get-Mailbox", Map.of("ResultSize", "Unlimited"));
        ((ObjectNode) listing.path("headers")).put("Prefer", "odata.maxpagesize=25");
        JsonNode first = batch(listing).json().path("responses").get(0).path("body");
        assertThat(first.path("value")).hasSize(25);
        String nextLink = first.path("@odata.nextLink").asText();
        assertThat(nextLink).startsWith(invoke + "?");

        List<String> aliases = new ArrayList<>();
        first.path("value").forEach(record -> aliases.add(record.path("Alias").asText()));
        String url = nextLink;
        while (url != null) {
            JsonNode page = http.post(
                            url,
                            token,
                            AdminApiHttp.cmdletInput("Get-Mailbox", Map.of("ResultSize", "Unlimited")),
                            "Prefer",
                            "odata.maxpagesize=25")
                    .json();
            page.path("value")
                    .forEach(record -> aliases.add(record.path("Alias").asText()));
            url = page.hasNonNull("@odata.nextLink")
                    ? page.path("@odata.nextLink").asText()
                    : null;
        }
        assertThat(aliases).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void moreThanTenItemsAreRefusedForTheWholeEnvelopeBeforeAnyRuns() {
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            items.add(item(Integer.toString(i), "Set-Mailbox", Map.of("Identity", alias(i), "Office", "eleven")));
        }
        AdminApiHttp.Answer answer = http.batch(sim.exchangeUrl(), TENANT, token, items);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(answer.json().path("error").path("message").asText()).contains("11", "10");
        assertThat(sim.journal().entries(JournalEntry::isBatchItem)).isEmpty();
        assertThat(sim.mailbox(TENANT, 0).get("Office")).isNotEqualTo("eleven");
    }

    @Test
    void mailboxRoutedCmdletsAreRefusedPerItemButRunAlone() throws Exception {
        AdminApiHttp.Answer answer = batch(
                item("0", "Get-MailboxPermission", Map.of("Identity", alias(1))),
                item("1", "Get-FocusedInbox", Map.of("Identity", alias(1))),
                item("2", "Get-MailboxStatistics", Map.of("Identity", alias(1))));
        JsonNode responses = answer.json().path("responses");
        for (int i = 0; i < 2; i++) {
            assertThat(responses.get(i).path("status").asInt()).isEqualTo(400);
            JsonNode error = responses.get(i).path("body").path("error");
            assertThat(error.path("code").asText()).isEqualTo("BadRequest");
            JsonNode detail = AdminApiHttp.JSON.readTree(
                    error.path("details").get(0).path("message").asText());
            assertThat(detail.path("TypeName").asText()).isEqualTo("System.NotSupportedException");
            assertThat(detail.path("Message").asText()).contains("$batch");
        }
        assertThat(responses.get(2).path("status").asInt()).isEqualTo(200);
        assertThat(http.invoke(sim.exchangeUrl(), TENANT, token, "Get-MailboxPermission", Map.of("Identity", alias(1)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void seededFaultsApplyPerItemWithTheServiceShapes() {
        sim.faults().throttledRate(1);
        JsonNode throttled = batch(item("0", "Get-AcceptedDomain", Map.of()), item("1", "Get-AcceptedDomain", Map.of()))
                .json()
                .path("responses");
        for (JsonNode item : throttled) {
            assertThat(item.path("status").asInt()).isEqualTo(429);
            assertThat(item.path("headers").path("retry-after").asText())
                    .as("lower-case, decimal seconds")
                    .isEqualTo("0.05");
            assertThat(item.path("headers").has("Retry-After")).isFalse();
        }

        sim.faults().reset().transientErrorRate(1);
        JsonNode transientError = onlyItemAnswer();
        assertThat(transientError.path("status").asInt()).isEqualTo(500);
        assertThat(transientError
                        .path("body")
                        .path("error")
                        .path("innererror")
                        .path("type")
                        .asText())
                .isEqualTo("Microsoft.Exchange.Data.Directory.ADTransientException");

        sim.faults().reset().concurrencyRefusalRate(1);
        JsonNode refused = onlyItemAnswer();
        assertThat(refused.path("status").asInt()).isEqualTo(429);
        assertThat(refused.path("headers").path("content-type").asText()).startsWith("text/plain");
        assertThat(refused.path("body").asText())
                .isEqualTo("You have reached the maximum number of concurrent requests per tenant. "
                        + "Please wait and try again");

        sim.journal().clear();
        sim.faults().reset().transientErrorRate(0.5).seed(9);
        List<Integer> first = itemStatuses();
        sim.faults().seed(9);
        assertThat(itemStatuses()).as("repeatable by seed").isEqualTo(first).contains(200, 500);
        assertThat(sim.journal().entries(entry -> entry.isBatchItem() && "transient-error".equals(entry.fault())))
                .hasSize(
                        2 * (int) first.stream().filter(status -> status == 500).count());
    }

    private List<Integer> itemStatuses() {
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(item(Integer.toString(i), "Get-AcceptedDomain", Map.of()));
        }
        List<Integer> statuses = new ArrayList<>();
        http.batch(sim.exchangeUrl(), TENANT, token, items)
                .json()
                .path("responses")
                .forEach(item -> statuses.add(item.path("status").asInt()));
        return statuses;
    }

    @Test
    void everyItemTakesATokenFromTheBucket() {
        sim.faults().throttle(3, 2.0);
        JsonNode responses = batch(
                        item("0", "Get-AcceptedDomain", Map.of()),
                        item("1", "Get-AcceptedDomain", Map.of()),
                        item("2", "Get-AcceptedDomain", Map.of()),
                        item("3", "Get-AcceptedDomain", Map.of()))
                .json()
                .path("responses");
        assertThat(responses.get(2).path("status").asInt()).isEqualTo(200);
        assertThat(responses.get(2).path("headers").path("rate-limit-remaining").asText())
                .isEqualTo("0");
        assertThat(responses.get(3).path("status").asInt()).isEqualTo(429);
        assertThat(responses.get(3).path("headers").path("retry-after").asText())
                .isEqualTo("0.5");
    }

    @Test
    void aBusyEnvelopeIsRefusedWithHtmlBeforeAnyItemRuns() {
        sim.faults().serverBusyRate(1);
        AdminApiHttp.Answer answer = batch(item("0", "Set-Mailbox", Map.of("Identity", alias(7), "Office", "busy")));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(sim.journal().cmdletCalls("Set-Mailbox")).isEmpty();
        assertThat(sim.mailbox(TENANT, 7).get("Office")).isNotEqualTo("busy");
    }

    @Test
    void aResetEnvelopeLosesOnlyItsAnswerTheWritesHappenedOnceAndAreJournalled() {
        sim.faults().connectionResetRate(1);
        assertThatThrownBy(() -> batch(
                        item("0", "Set-Mailbox", Map.of("Identity", alias(10), "Office", "Reset 10")),
                        item("1", "Set-Mailbox", Map.of("Identity", alias(11), "Office", "Reset 11"))))
                .hasCauseInstanceOf(IOException.class);

        assertThat(sim.mailbox(TENANT, 10).get("Office")).isEqualTo("Reset 10");
        assertThat(sim.mailbox(TENANT, 11).get("Office")).isEqualTo("Reset 11");
        List<JournalEntry> writes = sim.journal().cmdletCalls("Set-Mailbox");
        assertThat(writes).hasSize(2).allSatisfy(write -> {
            assertThat(write.status()).isEqualTo(200);
            assertThat(write.isBatchItem()).isTrue();
        });
        assertThat(writes.get(0).body()).contains(alias(10));
        assertThat(writes.get(1).body()).contains(alias(11));
        JournalEntry envelope =
                sim.journal().entries(entry -> entry.url().endsWith("/$batch")).get(0);
        assertThat(envelope.fault()).isEqualTo("connection-reset");
        assertThat(envelope.status()).isZero();
        assertThat(writes).allSatisfy(write -> assertThat(write.batchId()).isEqualTo(envelope.batchId()));
    }

    @Test
    void anEnvelopeTakesOneRequestLatencyAndEachItemItsPageLatency() throws Exception {
        sim.faults().requestLatency(Duration.ofSeconds(1));
        Future<AdminApiHttp.Answer> answer = pool.submit(() -> batch(
                item("0", "Get-AcceptedDomain", Map.of()),
                item("1", "Get-AcceptedDomain", Map.of()),
                item("2", "Get-AcceptedDomain", Map.of())));
        CLOCK.awaitSleepers(1, STUCK);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(answer.get().json().path("responses")).hasSize(3);

        sim.faults().reset().pageLatency(Duration.ofSeconds(1));
        long before = CLOCK.sleepsBegun();
        Future<AdminApiHttp.Answer> paged = pool.submit(
                () -> batch(item("0", "Get-AcceptedDomain", Map.of()), item("1", "Get-AcceptedDomain", Map.of())));
        CLOCK.awaitSleepsBegun(before + 1, STUCK);
        CLOCK.advance(Duration.ofSeconds(1));
        // the first item's page is done; the second one takes its own page latency
        CLOCK.awaitSleepsBegun(before + 2, STUCK);
        assertThat(paged).isNotDone();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(paged.get().json().path("responses")).hasSize(2);
        assertThat(CLOCK.sleepsBegun()).isEqualTo(before + 2);
    }
}
