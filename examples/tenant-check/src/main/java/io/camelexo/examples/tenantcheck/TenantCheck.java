package io.camelexo.examples.tenantcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the probes in order and collects the report. A failure that stops a whole service (sign-in, a missing role)
 * skips that service's later probes, naming the probe that failed; the writes are restored after the last probe
 * whatever happened before; every text that reaches the report passes {@link Redaction}.
 */
final class TenantCheck {

    private static final String REPORT_IT = "This choice did not hold for your tenant: please attach this report to an"
            + " issue; the docs/admin-api.md section names the one place in the code to change.";

    private final List<Probe> probes;
    private final Redaction redaction;
    private final Clock clock;

    TenantCheck(List<Probe> probes, Redaction redaction, Clock clock) {
        this.probes = List.copyOf(probes);
        this.redaction = redaction;
        this.clock = clock;
    }

    CheckReport run(CmdletRunner cmdlets, TestMailboxWrites writes, CheckOptions options, boolean simulated) {
        String missingCredential = options.missingCredential();
        Instant started = clock.instant();
        ProbeContext context = new ProbeContext(cmdlets, options.testMailbox());
        Map<Boolean, String> blocked = new LinkedHashMap<>();
        // services with a session: a probe was confirmed there, so Get-ConnectionInformation has something to say
        Set<Boolean> reached = new HashSet<>();
        List<ProbeResult> results = new ArrayList<>();
        List<WriteRecord> writeRecords;
        try {
            for (Probe probe : probes) {
                String blocker = blocked.get(probe.compliance());
                if (blocker != null) {
                    results.add(result(probe, ProbeResult.Status.SKIPPED, blocker, null, null));
                } else if (missingCredential != null) {
                    results.add(result(
                            probe,
                            ProbeResult.Status.FAILED,
                            "sign-in cannot start: " + missingCredential,
                            "Give --app-id and --certificate-file-path (with --certificate-password) or --client-secret"
                                    + " (README, \"Check your tenant\").",
                            null));
                    blocked.put(probe.compliance(), "not run: " + probe.name() + " failed");
                } else {
                    ProbeResult result = run(probe, context, cmdlets, blocked);
                    if (result.status() == ProbeResult.Status.CONFIRMED) {
                        reached.add(probe.compliance());
                    }
                    results.add(result);
                }
            }
        } finally {
            writeRecords = writes
                    .restoreAll(failure -> Diagnosis.of(failure, false).answer())
                    .stream()
                    .map(this::clean)
                    .toList();
        }
        Map<String, Map<String, Object>> information = new LinkedHashMap<>();
        for (boolean compliance : List.of(false, true)) {
            if (reached.contains(compliance)) {
                String scheme = compliance ? "scc" : "exo";
                try {
                    Map<String, Object> cleaned = new LinkedHashMap<>();
                    cmdlets.connectionInformation(scheme)
                            .forEach((name, value) -> cleaned.put(name, redaction.clean(value)));
                    information.put(scheme, cleaned);
                } catch (RuntimeException notAvailable) {
                    // the session went away after its probes ran; they have said what they saw
                }
            }
        }
        return new CheckReport(
                options.organization(),
                simulated,
                options.environment(),
                started,
                clock.instant(),
                List.copyOf(results),
                writeRecords,
                information);
    }

    private ProbeResult run(Probe probe, ProbeContext context, CmdletRunner cmdlets, Map<Boolean, String> blocked) {
        try {
            String detail = probe.body().run(context);
            return result(probe, ProbeResult.Status.CONFIRMED, detail, null, cmdlets.lastRequestId());
        } catch (Probe.Skipped skipped) {
            return result(probe, ProbeResult.Status.SKIPPED, skipped.getMessage(), null, null);
        } catch (Probe.NotConfirmed notConfirmed) {
            return result(
                    probe, ProbeResult.Status.FAILED, notConfirmed.getMessage(), REPORT_IT, cmdlets.lastRequestId());
        } catch (RuntimeException failure) {
            Diagnosis diagnosis = Diagnosis.of(failure, probe.compliance());
            if (diagnosis.blocksService()) {
                blocked.put(probe.compliance(), "not run: " + probe.name() + " failed");
            }
            return result(
                    probe,
                    ProbeResult.Status.FAILED,
                    diagnosis.answer(),
                    diagnosis.fix() != null ? diagnosis.fix() : REPORT_IT,
                    diagnosis.requestId() != null ? diagnosis.requestId() : cmdlets.lastRequestId());
        }
    }

    private ProbeResult result(Probe probe, ProbeResult.Status status, String detail, String fix, String requestId) {
        return new ProbeResult(
                probe.name(),
                probe.wireChoice(),
                probe.docsSection(),
                status,
                redaction.clean(detail),
                redaction.clean(fix),
                requestId);
    }

    private WriteRecord clean(WriteRecord write) {
        return new WriteRecord(
                write.mailbox(),
                write.change(),
                redaction.clean(write.original()),
                redaction.clean(write.testValue()),
                write.restored(),
                redaction.clean(write.restoreNote()));
    }
}
