package io.camelexo.examples.tenantcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one check, as JSON (for tools and bug reports) and as text (for people); both hold the same facts,
 * with secrets and tokens already removed.
 *
 * @param target                the organization checked, or the simulator's tenant
 * @param simulated             whether the check ran against the built-in tenant simulator
 * @param connectionInformation Get-ConnectionInformation per scheme (exo, scc) at the end of the check
 */
record CheckReport(
        String target,
        boolean simulated,
        String environment,
        Instant started,
        Instant finished,
        List<ProbeResult> probes,
        List<WriteRecord> writes,
        Map<String, Map<String, Object>> connectionInformation) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Whether any probe failed or any write was not restored: the command's exit code is then 1. */
    boolean failed() {
        return probes.stream().anyMatch(probe -> probe.status() == ProbeResult.Status.FAILED)
                || writes.stream().anyMatch(write -> !write.restored());
    }

    long count(ProbeResult.Status status) {
        return probes.stream().filter(probe -> probe.status() == status).count();
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", target);
        root.put("simulated", simulated);
        root.put("environment", environment);
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        ObjectNode summary = root.putObject("summary");
        for (ProbeResult.Status status : ProbeResult.Status.values()) {
            summary.put(status.name().toLowerCase(), count(status));
        }
        summary.put("failed", failed());
        ArrayNode probeNodes = root.putArray("probes");
        probes.forEach(probe -> probeNodes.addPOJO(probe));
        ArrayNode writeNodes = root.putArray("writes");
        writes.forEach(write -> writeNodes.addPOJO(write));
        root.putPOJO("connectionInformation", connectionInformation);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Tenant check of ")
                .append(target)
                .append(" (")
                .append(environment)
                .append("), ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        if (simulated) {
            text.append("Against the built-in tenant simulator: no tenant was configured (--organization).\n");
        }
        text.append('\n');
        for (ProbeResult probe : probes) {
            text.append(String.format("%-9s  %s: %s%n", probe.status(), probe.probe(), probe.detail()));
            text.append(String.format(
                    "%-9s  wire choice: %s (docs/admin-api.md, \"%s\")%n",
                    "", probe.wireChoice(), probe.docsSection()));
            if (probe.fix() != null) {
                text.append(String.format("%-9s  fix: %s%n", "", probe.fix()));
            }
            if (probe.status() == ProbeResult.Status.FAILED && probe.requestId() != null) {
                text.append(String.format("%-9s  client-request-id: %s%n", "", probe.requestId()));
            }
        }
        text.append('\n');
        if (writes.isEmpty()) {
            text.append("Writes: none.\n");
        } else {
            text.append("Writes to the test mailbox ")
                    .append(writes.get(0).mailbox())
                    .append(":\n");
            for (WriteRecord write : writes) {
                text.append("  ")
                        .append(write.change())
                        .append(": '")
                        .append(write.original())
                        .append("' -> '")
                        .append(write.testValue())
                        .append("' -> ")
                        .append(write.restored() ? "restored" : "NOT RESTORED (" + write.restoreNote() + ")")
                        .append('\n');
            }
        }
        connectionInformation.forEach((scheme, information) -> {
            text.append("\nGet-ConnectionInformation (").append(scheme).append("):\n");
            information.forEach((name, value) -> text.append(String.format("  %-32s: %s%n", name, value)));
        });
        text.append(String.format(
                "%n%d confirmed, %d failed, %d skipped%s%n",
                count(ProbeResult.Status.CONFIRMED),
                count(ProbeResult.Status.FAILED),
                count(ProbeResult.Status.SKIPPED),
                writes.stream().anyMatch(write -> !write.restored()) ? "; a write was NOT restored" : ""));
        return text.toString();
    }

    /** Writes tenant-check-{time}.json and .txt into the directory; returns their paths (JSON first). */
    List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = "tenant-check-" + FILE_STAMP.format(started);
        Path json = directory.resolve(name + ".json");
        Path text = directory.resolve(name + ".txt");
        Files.writeString(json, toJson(), StandardCharsets.UTF_8);
        Files.writeString(text, toText(), StandardCharsets.UTF_8);
        return List.of(json.toAbsolutePath().normalize(), text.toAbsolutePath().normalize());
    }
}
