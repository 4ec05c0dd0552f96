package io.camelexo.examples.tenantcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import io.camelexo.exchangeonline.simulator.camel.SimulatorTrust;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check as a user runs it, against the tenant simulator: the command line parsed, the component signing in and
 * calling the simulator's Entra ID, Admin API and SCC hosts, the report printed and written. Each test runs its own
 * check; writes go to a mailbox of its own, so no test depends on another.
 */
class TenantCheckTest {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    private static final String CANARY_SECRET = "canary-Zq8~not-the-secret-5e1f";

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(60));

    @TempDir
    Path reports;

    private TenantSimulator sim;
    private AppCredentials app;

    @BeforeEach
    void simulator() {
        sim = SIM.simulator();
        app = sim.defaultApp(TENANT);
    }

    /** What a finished check left: exit code, printed output, the two report files. */
    private record Run(int exitCode, String output, JsonNode json, String jsonText, String text) {
        List<String> statuses() {
            List<String> statuses = new ArrayList<>();
            json.path("probes")
                    .forEach(probe -> statuses.add(probe.path("status").asText()));
            return statuses;
        }

        JsonNode probe(String name) {
            for (JsonNode probe : json.path("probes")) {
                if (probe.path("probe").asText().equals(name)) {
                    return probe;
                }
            }
            throw new AssertionError("no probe " + name + " in " + json);
        }
    }

    private Run check(Function<TestMailboxWrites, List<Probe>> probes, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--organization=" + TENANT,
                "--app-id=" + app.appId(),
                "--azure-ad-authorization-endpoint-uri=" + sim.authorityUrl(TENANT),
                "--exo.connection-uri=" + sim.exchangeUrl(),
                "--scc.connection-uri=" + sim.complianceUrl(),
                "--ssl-context-parameters=#simulatorTrust",
                "--max-retries=0",
                "--report-dir=" + reports));
        args.addAll(List.of(extraArgs));
        if (args.stream().noneMatch(arg -> arg.startsWith("--client-secret"))) {
            args.add("--client-secret=" + app.clientSecret());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            exitCode = TenantCheckApplication.check(
                    CheckOptions.parse(args.toArray(String[]::new)),
                    Map.of("simulatorTrust", SimulatorTrust.of(sim)),
                    false,
                    out,
                    probes);
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(reports)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(2);
        String jsonText = Files.readString(files.get(0));
        return new Run(
                exitCode,
                printed.toString(StandardCharsets.UTF_8),
                new ObjectMapper().readTree(jsonText),
                jsonText,
                Files.readString(files.get(1)));
    }

    private int mailboxIndex(String name) {
        // a mailbox per test: writes of one test never meet another's
        return Math.floorMod(name.hashCode(), 50) + 5;
    }

    private String address(int index) {
        return sim.mailbox(TENANT, index).get("PrimarySmtpAddress").toString();
    }

    @Test
    void everyProbeIsConfirmedAndTheTestMailboxEndsAsItWas() throws Exception {
        int index = mailboxIndex("everyProbeIsConfirmed");
        Map<String, Object> mailboxBefore = sim.mailbox(TENANT, index);
        Map<String, Object> autoReplyBefore = sim.autoReplyConfiguration(TENANT, index);

        Run run = check(Probes::all, "--test-mailbox=" + address(index));

        assertThat(run.statuses()).as(run.output()).isNotEmpty().allMatch("CONFIRMED"::equals);
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().path("summary").path("failed").asBoolean()).isFalse();
        // each of the nine Get-EXO* routes was called on the simulator's entity routes, not on InvokeCommand
        for (String cmdlet : List.of(
                "Get-EXOMailbox",
                "Get-EXORecipient",
                "Get-EXOCasMailbox",
                "Get-EXOMailboxPermission",
                "Get-EXORecipientPermission",
                "Get-EXOMailboxStatistics",
                "Get-EXOMailboxFolderStatistics",
                "Get-EXOMailboxFolderPermission",
                "Get-EXOMobileDeviceStatistics")) {
            assertThat(sim.journal().cmdletCalls(cmdlet))
                    .as(cmdlet)
                    .allMatch(call -> call.method().equals("GET"))
                    .anyMatch(call -> call.status() == 200);
        }
        assertThat(sim.journal().cmdletCalls("Get-RetentionCompliancePolicy")).anyMatch(call -> call.status() == 200);

        // the writes happened (set, then restore) and the mailbox is as before
        assertThat(sim.journal().cmdletCalls("Set-Mailbox")).hasSize(2);
        assertThat(sim.journal().cmdletCalls("Set-MailboxAutoReplyConfiguration"))
                .hasSize(2);
        assertThat(text(sim.mailbox(TENANT, index).get(TestMailboxWrites.ATTRIBUTE)))
                .isEqualTo(text(mailboxBefore.get(TestMailboxWrites.ATTRIBUTE)));
        Map<String, Object> autoReplyAfter = sim.autoReplyConfiguration(TENANT, index);
        assertThat(autoReplyAfter.get("AutoReplyState")).isEqualTo(autoReplyBefore.get("AutoReplyState"));
        assertThat(text(autoReplyAfter.get("InternalMessage"))).isEqualTo(text(autoReplyBefore.get("InternalMessage")));
        assertThat(run.json().path("writes")).hasSize(2);
        run.json()
                .path("writes")
                .forEach(write -> assertThat(write.path("restored").asBoolean()).isTrue());
        assertThat(run.text()).contains("Writes to the test mailbox " + address(index));

        // Get-ConnectionInformation of both sessions is in the report; SCC was pinned to the regional host
        assertThat(run.json()
                        .path("connectionInformation")
                        .path("exo")
                        .path("TokenStatus")
                        .asText())
                .isEqualTo("Active");
        assertThat(run.json()
                        .path("connectionInformation")
                        .path("scc")
                        .path("ConnectionUri")
                        .asText())
                .isEqualTo(sim.regionalComplianceUrl());
        assertThat(run.output()).contains("Get-ConnectionInformation (exo)").contains("Report: " + reports);
        assertThat(run.jsonText()).doesNotContain(app.clientSecret());
        assertThat(run.text()).doesNotContain(app.clientSecret());
    }

    @Test
    void withoutATestMailboxNothingIsWrittenAndTheWritesAreSkipped() throws Exception {
        Run run = check(Probes::all);

        assertThat(run.exitCode()).isZero();
        assertThat(run.probe("Set-Mailbox -" + TestMailboxWrites.ATTRIBUTE + ", set and restored")
                        .path("status")
                        .asText())
                .isEqualTo("SKIPPED");
        assertThat(sim.journal()
                        .entries(entry -> Objects.toString(entry.cmdlet(), "").startsWith("Set-")))
                .isEmpty();
        assertThat(run.json().path("writes")).isEmpty();
    }

    @Test
    void aWriteIsRestoredWhenALaterProbeFails() throws Exception {
        int index = mailboxIndex("aWriteIsRestoredWhenALaterProbeFails");
        Object before = sim.mailbox(TENANT, index).get(TestMailboxWrites.ATTRIBUTE);
        Probe failing = new Probe("fails after the write", false, "Errors", "none", context -> {
            throw new IllegalStateException("a probe broke after the write");
        });

        Run run = check(writes -> List.of(writes.probes().get(0), failing), "--test-mailbox=" + address(index));

        assertThat(run.statuses()).containsExactly("CONFIRMED", "FAILED");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(sim.journal().cmdletCalls("Set-Mailbox")).hasSize(2);
        assertThat(text(sim.mailbox(TENANT, index).get(TestMailboxWrites.ATTRIBUTE)))
                .isEqualTo(text(before));
        JsonNode write = run.json().path("writes").get(0);
        assertThat(write.path("change").asText()).isEqualTo("Set-Mailbox -" + TestMailboxWrites.ATTRIBUTE);
        assertThat(write.path("restored").asBoolean()).isTrue();
    }

    @Test
    void aWrongSecretFailsSignInWithItsAadstsCodeAndWhatToFixWithoutAStackTraceOrTheSecret() throws Exception {
        Run run = check(Probes::all, "--client-secret=" + CANARY_SECRET);

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode signIn = run.probe("Sign-in (exo)");
        assertThat(signIn.path("status").asText()).isEqualTo("FAILED");
        assertThat(signIn.path("detail").asText()).contains("AADSTS7000215").contains("the client secret is wrong");
        assertThat(signIn.path("fix").asText()).contains("client secret's value");
        // one cause, reported once per service: the rest of each service is skipped, naming it
        assertThat(run.probe("Get-Mailbox, first page").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(run.probe("Get-Mailbox, first page").path("detail").asText()).contains("Sign-in (exo) failed");
        assertThat(run.probe("Sign-in (scc)").path("status").asText()).isEqualTo("FAILED");
        assertThat(run.output()).contains("AADSTS7000215").contains("fix: ");
        assertNoSecretAndNoStackTrace(run);
    }

    @Test
    void anAppWithoutAnExchangeRoleIsToldWhichRoleToAssign() throws Exception {
        sim.exchangeRole(TENANT, app.appId(), false);
        Run run;
        try {
            run = check(Probes::all, "--client-secret=" + app.clientSecret());
        } finally {
            sim.exchangeRole(TENANT, app.appId(), true);
        }

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.probe("Sign-in (exo)").path("status").asText())
                .as("the token is issued: consent is there")
                .isEqualTo("CONFIRMED");
        JsonNode refused = run.probe("Get-Mailbox, first page");
        assertThat(refused.path("status").asText()).isEqualTo("FAILED");
        assertThat(refused.path("detail").asText())
                .contains("HTTP 403")
                .contains("The role assigned to application " + app.appId());
        assertThat(refused.path("fix").asText()).contains("Exchange Administrator");
        assertThat(refused.path("requestId").asText()).isNotBlank();
        assertThat(run.probe("Get-EXOMailbox").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(run.json()
                        .path("connectionInformation")
                        .path("exo")
                        .path("TokenStatus")
                        .asText())
                .as("the session exists: its Get-ConnectionInformation is in the report")
                .isEqualTo("Active");
        assertThat(run.probe("Get-RetentionCompliancePolicy (scc)").path("fix").asText())
                .contains("Compliance Administrator");
        assertNoSecretAndNoStackTrace(run);
    }

    @Test
    void aTenantTheCloudDoesNotKnowIsReportedWithTheCloudToCheck() throws Exception {
        // the authority of a cloud the tenant is not in answers as Entra ID does: AADSTS90002
        Run run = check(
                Probes::all,
                "--azure-ad-authorization-endpoint-uri=" + sim.authorityUrl("fabrikam.onmicrosoft.com"),
                "--client-secret=" + CANARY_SECRET);

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode signIn = run.probe("Sign-in (exo)");
        assertThat(signIn.path("detail").asText()).contains("AADSTS90002");
        assertThat(signIn.path("fix").asText()).contains("--environment").contains("O365USGovGCCHigh");
        assertNoSecretAndNoStackTrace(run);
    }

    @Test
    void anAppTheTenantDoesNotKnowIsReportedWithItsAadstsCode() throws Exception {
        Run run = check(Probes::all, "--exo.app-id=0c1d2e3f-0000-4000-8000-00000000c0de", "--app-id=ignored");

        JsonNode signIn = run.probe("Sign-in (exo)");
        assertThat(signIn.path("detail").asText()).contains("AADSTS700016");
        assertThat(signIn.path("fix").asText()).contains("registered in this tenant and in this cloud");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void missingCredentialsFailTheSignInProbesWithoutAnySignIn() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            exitCode = TenantCheckApplication.check(
                    CheckOptions.parse("--organization=" + TENANT, "--report-dir=" + reports),
                    Map.of(),
                    false,
                    out,
                    Probes::all);
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).isEqualTo(1);
        assertThat(output)
                .contains("FAILED     Sign-in (exo): sign-in cannot start: no --app-id and no --certificate-file-path")
                .contains("FAILED     Sign-in (scc)")
                .doesNotContain("CONFIRMED");
        assertThat(sim.journal().entries()).as("nothing was sent").isEmpty();
    }

    @Test
    void aCommandLineItCannotReadExitsWith2AndTheUsage() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            exitCode = TenantCheckApplication.run(new String[] {"--organization"}, out);
        }
        assertThat(exitCode).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("--organization needs a value")
                .contains("Usage: java -jar tenant-check.jar");
    }

    private void assertNoSecretAndNoStackTrace(Run run) {
        for (String text : List.of(run.output(), run.jsonText(), run.text())) {
            assertThat(text)
                    .doesNotContain(CANARY_SECRET)
                    .doesNotContain(app.clientSecret())
                    .doesNotContain("eyJ")
                    .doesNotContainPattern("\\n\\s+at [a-z]+\\.")
                    .doesNotContain("Exception in thread");
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
