package io.camelexo.examples.offboarding;

import static io.camelexo.examples.offboarding.LeaverApi.event;
import static io.camelexo.examples.offboarding.LeaverApi.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost when the application is killed in the middle of an offboarding: the application runs in its own
 * JVM, configured for "a real tenant" (here the simulator in this JVM, so that the tenant's state survives), and is
 * killed with SIGKILL while a leaver is half done. Started again on the same database, it finishes the leaver
 * without repeating the steps that were done.
 */
class KillMidFlowTest {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    private static TenantSimulator simulator;

    @TempDir
    Path work;

    private ApplicationProcesses applications;

    @BeforeEach
    void processes() {
        applications = new ApplicationProcesses(simulator, TENANT, work, KillMidFlowTest.class.getSimpleName());
    }

    @BeforeAll
    static void startTenant() {
        simulator =
                TenantSimulator.builder().mailboxes(200).tenant(TENANT).build().start();
    }

    @AfterAll
    static void stopTenant() {
        simulator.stop();
    }

    @AfterEach
    void stopApplications() throws InterruptedException {
        applications.close();
    }

    @Test
    void aLeaverInterruptedByAKillIsFinishedAfterTheRestartWithoutRedoingDoneSteps() throws Exception {
        SimulatedTenant tenant = new SimulatedTenant(simulator);
        Set<String> taken = new HashSet<>();
        String leaver = tenant.leaver(taken);
        String manager = tenant.manager(taken);
        List<String> groups = tenant.groupsOf(leaver);
        int devices = tenant.mobileDevices(leaver).size();
        int port = ApplicationProcesses.freePort();
        LeaverApi api = new LeaverApi(port);
        // a slow tenant, so that the kill lands between the first steps and the last
        simulator.faults().pageLatency(Duration.ofMillis(300));

        Process first = start(port, "first");
        assertThat(api.submit(event(leaver, manager, LocalDate.now())).status()).isEqualTo(202);
        // the mailbox is being converted: the two steps before it (devices, groups) are done and recorded
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> tenant.calls("Set-Mailbox", leaver, "\"Type\"") > 0);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        List<String> doneBeforeTheKill = doneSteps(leaver);
        assertThat(doneBeforeTheKill)
                .startsWith("remove-mobile-devices", "remove-from-distribution-groups")
                .hasSizeLessThan(OffboardingStep.values().length);
        assertThat(eventStatus(leaver)).isEqualTo("PENDING");

        simulator.faults().reset();
        start(port, "second");
        JsonNode event = api.awaitStatus(leaver, "COMPLETED", ApplicationProcesses.START_TIMEOUT);

        assertThat(steps(event))
                .as("each step done exactly once")
                .containsExactlyElementsOf(OffboardingFlowTest.ALL_STEPS_DONE);
        assertThat(simulator.journal().cmdletCalls("Remove-MobileDevice"))
                .as("steps done before the kill are not run again")
                .hasSize(devices);
        assertThat(tenant.calls("Remove-DistributionGroupMember", leaver)).isEqualTo(groups.size());
        assertThat(tenant.mailbox(leaver))
                .containsEntry("RecipientTypeDetails", "SharedMailbox")
                .containsEntry("HiddenFromAddressListsEnabled", true);
        assertThat(tenant.accessRights(leaver, manager)).contains("FullAccess");
        assertThat(tenant.groupsOf(leaver)).isEmpty();
        assertThat(tenant.mobileDevices(leaver)).isEmpty();
    }

    private Process start(int port, String name) throws IOException {
        return applications.start(
                port,
                name,
                List.of("--spring.datasource.url=jdbc:h2:file:" + work.resolve("offboarding") + ";WRITE_DELAY=0"));
    }

    private List<String> doneSteps(String leaver) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection db = database();
                var query = db.prepareStatement(
                        "SELECT step FROM offboarding_audit WHERE upn = ? AND status = 'DONE' ORDER BY id")) {
            query.setString(1, leaver);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString(1));
                }
            }
        }
        return steps;
    }

    private String eventStatus(String leaver) throws SQLException {
        try (Connection db = database();
                var query = db.prepareStatement("SELECT status FROM leaver_events WHERE upn = ?")) {
            query.setString(1, leaver);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private Connection database() throws SQLException {
        assertThat(Files.exists(work.resolve("offboarding.mv.db"))).isTrue();
        return DriverManager.getConnection("jdbc:h2:file:" + work.resolve("offboarding"), "sa", "");
    }
}
