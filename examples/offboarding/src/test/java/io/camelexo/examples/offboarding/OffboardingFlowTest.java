package io.camelexo.examples.offboarding;

import static io.camelexo.examples.offboarding.LeaverApi.event;
import static io.camelexo.examples.offboarding.LeaverApi.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Predicate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it starts from main() with no tenant configured: on the in-process tenant simulator, with its
 * H2 database, HTTP API and drop folder.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS,
        properties = {
            "simulator.mailboxes=200",
            "spring.datasource.url=jdbc:h2:mem:offboarding-flow;DB_CLOSE_DELAY=-1",
            "offboarding.poll-interval=200ms",
            "offboarding.drop-folder-settle=200ms",
            "offboarding.step-retry-delay=100ms",
            // a quarter of the calls fail in the faults test (429s, 503s, resets): room for a run of bad luck
            "offboarding.step-retries=8",
            "camel.component.exo.retry-initial-delay=50",
            "camel.component.exo.retry-max-delay=500"
        })
class OffboardingFlowTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    static final List<String> ALL_STEPS_DONE = List.of(
            "remove-mobile-devices:DONE",
            "remove-from-distribution-groups:DONE",
            "convert-to-shared:DONE",
            "hide-from-address-lists:DONE",
            "grant-manager-full-access:DONE",
            "set-auto-reply:DONE");
    private static final Set<String> TAKEN = new HashSet<>();
    private static final Pattern WRITE_CMDLET = Pattern.compile("\"CmdletName\"\\s*:\\s*\"(Set|Add|Remove)-");

    @TempDir
    static Path dropFolder;

    @DynamicPropertySource
    static void dropFolder(DynamicPropertyRegistry registry) {
        registry.add("offboarding.drop-folder", () -> dropFolder.toString());
    }

    @Autowired
    private TenantSimulator simulator;

    @Autowired
    private CamelContext camel;

    @LocalServerPort
    private int port;

    private LeaverApi api;
    private SimulatedTenant tenant;

    @BeforeEach
    void setUp() {
        api = new LeaverApi(port);
        tenant = new SimulatedTenant(simulator);
        simulator.faults().reset();
    }

    @Test
    void aPostedLeaverIsOffboardedInTheTenantAndAudited() {
        String leaver = tenant.leaver(TAKEN);
        String manager = tenant.manager(TAKEN);
        List<String> groups = tenant.groupsOf(leaver);
        int devices = tenant.mobileDevices(leaver).size();

        LeaverApi.Answer accepted = api.submit(event(leaver, manager, LocalDate.now()));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.location()).isEqualTo("/leavers/" + leaver);
        assertThat(accepted.json().path("eventId").asText()).isEqualTo(leaver + "/" + LocalDate.now());
        assertThat(accepted.json().path("status").asText()).isEqualTo("PENDING");
        JsonNode event = api.awaitStatus(leaver, "COMPLETED", FLOW_TIMEOUT);
        assertThat(steps(event)).containsExactlyElementsOf(ALL_STEPS_DONE);
        assertThat(event.path("audit").get(0).path("detail").asText())
                .startsWith("removed " + devices + " mobile device");
        assertThat(event.path("audit").get(1).path("detail").asText()).contains(groups);
        assertThat(event.path("audit").get(2).path("requestId").asText()).isNotBlank();
        assertThat(event.path("manager").asText()).isEqualTo(manager);

        assertThat(tenant.mailbox(leaver))
                .containsEntry("RecipientTypeDetails", "SharedMailbox")
                .containsEntry("HiddenFromAddressListsEnabled", true);
        JsonNode autoReply = tenant.autoReply(leaver);
        assertThat(autoReply.path("AutoReplyState").asText()).isEqualTo("Enabled");
        assertThat(autoReply.path("ExternalAudience").asText()).isEqualTo("All");
        assertThat(autoReply.path("InternalMessage").asText()).contains(manager);
        assertThat(tenant.accessRights(leaver, manager)).contains("FullAccess");
        assertThat(tenant.groupsOf(leaver)).isEmpty();
        assertThat(tenant.mobileDevices(leaver)).isEmpty();
    }

    @Test
    void invalidEventsAreRefusedWithEveryProblemNamed() {
        LeaverApi.Answer notJson = api.submit("{\"userPrincipalName\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(notJson.json().path("title").asText()).isEqualTo("Invalid leaver event");
        assertThat(notJson.json().path("problems").get(0).asText()).startsWith("the event is not valid JSON");

        LeaverApi.Answer empty = api.submit("{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("problems"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "userPrincipalName is required",
                        "manager is required",
                        "effectiveDate is required: the day the offboarding takes effect, as yyyy-MM-dd");

        LeaverApi.Answer wrong =
                api.submit("{\"userPrincipalName\": \"Anna@Contoso.com\", \"manager\": \"anna@contoso.com\","
                        + " \"effectiveDate\": \"30.11.2026\", \"autoReplyMessage\": 42}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("problems"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "manager must be someone other than the leaver",
                        "effectiveDate must be a date as yyyy-MM-dd; got '30.11.2026'",
                        "autoReplyMessage must be a string");

        LeaverApi.Answer notAnAddress = api.submit("{\"userPrincipalName\": \"anna\", \"manager\": \"ben@contoso.com\","
                + " \"effectiveDate\": \"2026-11-30\"}");
        assertThat(notAnAddress.json().path("detail").asText())
                .isEqualTo(
                        "userPrincipalName must be a user principal name such as anna@contoso.com, at most 113 characters; got 'anna'");

        assertThat(api.submit("userPrincipalName=anna@contoso.com", "application/x-www-form-urlencoded")
                        .status())
                .isEqualTo(415);
        assertThat(api.history("anna@contoso.com").status()).isEqualTo(404);
    }

    @Test
    void duplicateSubmissionsAreProcessedOnceEvenWhenTheyArriveTogether() {
        String leaver = tenant.leaver(TAKEN);
        String event = event(leaver, tenant.manager(TAKEN), LocalDate.now());

        List<LeaverApi.Answer> answers = IntStream.range(0, 8)
                .parallel()
                .mapToObj(i -> api.submit(event))
                .toList();
        assertThat(answers)
                .extracting(LeaverApi.Answer::status)
                .containsOnly(202, 200)
                .containsOnlyOnce(202);
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 200)
                .allMatch(answer -> answer.json().path("duplicate").asBoolean());
        api.awaitStatus(leaver, "COMPLETED", FLOW_TIMEOUT);
        LeaverApi.Answer afterwards = api.submit(event);
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.json().path("status").asText()).isEqualTo("COMPLETED");

        assertThat(api.history(leaver).json().path("events")).hasSize(1);
        assertThat(steps(api.history(leaver).json().path("events").get(0))).containsExactlyElementsOf(ALL_STEPS_DONE);
        assertThat(tenant.calls("Set-Mailbox", leaver))
                .as("convert and hide, once each")
                .isEqualTo(2);
        assertThat(tenant.calls("Add-MailboxPermission", leaver)).isEqualTo(1);
    }

    @Test
    void aPermanentFailureIsDeadLetteredAndResubmittingResumesAtTheFailedStep() {
        String leaver = tenant.leaver(TAKEN);
        List<String> groups = tenant.groupsOf(leaver);
        String nobody = "nobody.here@" + simulator.smtpDomain(TenantSimulator.DEFAULT_TENANT);

        assertThat(api.submit(event(leaver, nobody, LocalDate.now())).status()).isEqualTo(202);
        JsonNode deadLettered = api.awaitStatus(leaver, "DEAD_LETTER", FLOW_TIMEOUT);
        assertThat(steps(deadLettered))
                .containsExactly(
                        "remove-mobile-devices:DONE",
                        "remove-from-distribution-groups:DONE",
                        "convert-to-shared:DONE",
                        "hide-from-address-lists:DONE",
                        "grant-manager-full-access:FAILED");
        JsonNode deadLetter = deadLettered.path("deadLetters").get(0);
        assertThat(deadLetter.path("step").asText()).isEqualTo("grant-manager-full-access");
        assertThat(deadLetter.path("reason").asText())
                .contains("Add-MailboxPermission", "ManagementObjectNotFoundException", nobody);
        assertThat(tenant.calls("Add-MailboxPermission", leaver))
                .as("a permanent failure is not retried")
                .isEqualTo(1);

        String manager = tenant.manager(TAKEN);
        LeaverApi.Answer resubmitted = api.submit(event(leaver, manager, LocalDate.now()));
        assertThat(resubmitted.status()).isEqualTo(202);
        JsonNode completed = api.awaitStatus(leaver, "COMPLETED", FLOW_TIMEOUT);

        assertThat(steps(completed))
                .containsExactly(
                        "remove-mobile-devices:DONE",
                        "remove-from-distribution-groups:DONE",
                        "convert-to-shared:DONE",
                        "hide-from-address-lists:DONE",
                        "grant-manager-full-access:FAILED",
                        "grant-manager-full-access:DONE",
                        "set-auto-reply:DONE");
        assertThat(completed.path("manager").asText()).isEqualTo(manager);
        assertThat(tenant.calls("Set-Mailbox", leaver))
                .as("done steps are not run again: convert and hide once")
                .isEqualTo(2);
        assertThat(tenant.calls("Remove-DistributionGroupMember", leaver)).isEqualTo(groups.size());
        assertThat(tenant.calls("Add-MailboxPermission", leaver)).isEqualTo(2);
        assertThat(tenant.accessRights(leaver, manager)).contains("FullAccess");
        assertThat(tenant.autoReply(leaver).path("InternalMessage").asText()).contains(manager);
    }

    @Test
    void aRemovalTheServiceReportsAsAlreadyDoneCountsAsDone() throws Exception {
        String leaver = tenant.leaver(TAKEN);
        List<String> groups = tenant.groupsOf(leaver);
        int devices = tenant.mobileDevices(leaver).size();
        // As after a lost answer and a lagging listing: each removal of this leaver runs, and is then answered as
        // already done (the member is not in the group, the device is not found).
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:member-not-found").throwException(alreadyDone("MemberNotFoundException"));
                from("direct:device-not-found").throwException(alreadyDone("ManagementObjectNotFoundException"));
            }
        });
        Predicate thisLeaver =
                exchange -> leaver.equals(exchange.getProperty(OffboardingRoutes.LEAVER, LeaverEvent.class)
                        .userPrincipalName());
        AdviceWith.adviceWith(
                camel,
                OffboardingStep.REMOVE_FROM_DISTRIBUTION_GROUPS.id(),
                route -> route.interceptSendToEndpoint("exo:Remove-DistributionGroupMember*")
                        .when(thisLeaver)
                        .afterUri("direct:member-not-found")
                        .log("${body}: this removal will be answered as already done"));
        AdviceWith.adviceWith(
                camel,
                OffboardingStep.REMOVE_MOBILE_DEVICES.id(),
                route -> route.interceptSendToEndpoint("exo:Remove-MobileDevice*")
                        .when(thisLeaver)
                        .afterUri("direct:device-not-found")
                        .log("${body}: this removal will be answered as already done"));

        assertThat(api.submit(event(leaver, tenant.manager(TAKEN), LocalDate.now()))
                        .status())
                .isEqualTo(202);
        JsonNode event = api.awaitStatus(leaver, "COMPLETED", FLOW_TIMEOUT);

        assertThat(steps(event)).containsExactlyElementsOf(ALL_STEPS_DONE);
        assertThat(event.path("audit").get(0).path("detail").asText())
                .startsWith("removed " + devices + " mobile device");
        assertThat(event.path("audit").get(1).path("detail").asText()).contains(groups);
        assertThat(tenant.groupsOf(leaver)).isEmpty();
        assertThat(tenant.mobileDevices(leaver)).isEmpty();
    }

    /**
     * A write may run twice in Exchange if it is sent again after an answer that leaves open whether it ran (a 503, a
     * reset connection). So a write's client-request-id appears once in the journal, unless the service refused it
     * without running it (429, the concurrency limit): then again, until its last answer. The flow's own re-runs of a
     * step are new calls with new ids.
     */
    private static void assertEveryWriteSentOnceUnlessRefused(List<JournalEntry> writes) {
        assertThat(writes)
                .isNotEmpty()
                .allSatisfy(
                        write -> assertThat(write.header("client-request-id")).isNotBlank());
        Map<String, List<JournalEntry>> byRequestId = writes.stream()
                .collect(Collectors.groupingBy(
                        write -> write.header("client-request-id"), LinkedHashMap::new, Collectors.toList()));
        byRequestId.forEach((requestId, sends) -> assertThat(sends.subList(0, sends.size() - 1))
                .as(
                        "answers before the last send of write %s: %s",
                        requestId,
                        sends.stream()
                                .map(send -> send.status() + "/" + send.fault())
                                .toList())
                .allMatch(send -> send.status() == 429 || "concurrency".equals(send.fault())));
        assertThat(byRequestId.values())
                .as("a refused write is sent again with its id")
                .anyMatch(sends -> sends.size() > 1);
    }

    private static ExoCmdletException alreadyDone(String exceptionType) {
        return new ExoCmdletException(
                "answered as already done (HTTP 404, " + exceptionType + ")",
                404,
                "NotFound",
                null,
                exceptionType,
                "already done",
                null);
    }

    @Test
    void theDropFolderAcceptsEventsAndSetsBadFilesAside() throws Exception {
        String leaver = tenant.leaver(TAKEN);
        Files.writeString(
                dropFolder.resolve("hr-export-1.json"),
                event(leaver, tenant.manager(TAKEN), LocalDate.now()),
                StandardCharsets.UTF_8);
        Files.writeString(
                dropFolder.resolve("hr-export-2.json"), "{\"userPrincipalName\": \"x\"}", StandardCharsets.UTF_8);

        JsonNode event = api.awaitStatus(leaver, "COMPLETED", FLOW_TIMEOUT);
        assertThat(event.path("source").asText()).isEqualTo("drop-folder:hr-export-1.json");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(dropFolder.resolve(".done/hr-export-1.json")).exists();
            assertThat(dropFolder.resolve(".error/hr-export-2.json")).exists();
        });
        assertThat(tenant.mailbox(leaver)).containsEntry("RecipientTypeDetails", "SharedMailbox");
    }

    @Test
    void anEventWaitsForItsEffectiveDate() throws Exception {
        String leaver = tenant.leaver(TAKEN);

        LeaverApi.Answer accepted =
                api.submit(event(leaver, tenant.manager(TAKEN), LocalDate.now().plusDays(1)));
        assertThat(accepted.status()).isEqualTo(202);
        // a leaver due today, accepted after the other: once it is done, a poll has seen both events
        String dueToday = tenant.leaver(TAKEN);
        assertThat(api.submit(event(dueToday, tenant.manager(TAKEN), LocalDate.now()))
                        .status())
                .isEqualTo(202);
        api.awaitStatus(dueToday, "COMPLETED", FLOW_TIMEOUT);

        assertThat(api.history(leaver)
                        .json()
                        .path("events")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("PENDING");
        assertThat(tenant.calls("Set-Mailbox", leaver)).isZero();
    }

    @Test
    void leaversAreOffboardedThroughInjectedThrottlingServerErrorsAndResets() {
        Map<String, String> managers = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            managers.put(tenant.leaver(TAKEN), tenant.manager(TAKEN));
        }
        simulator.journal().clear();
        // seeded faults only: a token bucket throttles or not depending on the machine's speed, and each of its 429s
        // would shift the seeded sequence
        // the sequence restarts here, so the draws do not depend on how many requests the tests before this one made
        simulator.faults().seed(42).throttledRate(0.1).serverBusyRate(0.08).connectionResetRate(0.12);

        managers.forEach((leaver, manager) -> assertThat(
                        api.submit(event(leaver, manager, LocalDate.now())).status())
                .isEqualTo(202));
        managers.keySet()
                .forEach(leaver -> assertThat(steps(api.awaitStatus(leaver, "COMPLETED", FLOW_TIMEOUT)))
                        .containsExactlyElementsOf(ALL_STEPS_DONE));

        simulator.faults().reset();
        List<JournalEntry> faulted = simulator.journal().entries(entry -> entry.fault() != null);
        assertThat(faulted).extracting(JournalEntry::status).contains(429, 503, 0);
        assertThat(faulted)
                .as("writes answered 503, which the component does not re-send and the flow re-runs")
                .anyMatch(entry -> entry.status() == 503
                        && WRITE_CMDLET.matcher(entry.body()).find());
        assertEveryWriteSentOnceUnlessRefused(simulator
                .journal()
                .entries(entry -> entry.body() != null
                        && WRITE_CMDLET.matcher(entry.body()).find()));
        managers.forEach((leaver, manager) -> {
            assertThat(tenant.mailbox(leaver))
                    .containsEntry("RecipientTypeDetails", "SharedMailbox")
                    .containsEntry("HiddenFromAddressListsEnabled", true);
            assertThat(tenant.autoReply(leaver).path("AutoReplyState").asText()).isEqualTo("Enabled");
            assertThat(tenant.accessRights(leaver, manager)).contains("FullAccess");
            assertThat(tenant.groupsOf(leaver)).isEmpty();
            assertThat(tenant.mobileDevices(leaver)).isEmpty();
        });
    }
}
