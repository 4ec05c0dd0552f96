package io.camelexo.examples.tenantcheck;

import java.util.List;
import java.util.Map;

/**
 * What probes share: the cmdlet runner and the mailbox the per-mailbox probes read (the test mailbox, else one that
 * Get-Mailbox found).
 */
final class ProbeContext {

    private final CmdletRunner cmdlets;
    private String sampleMailbox;

    ProbeContext(CmdletRunner cmdlets, String testMailbox) {
        this.cmdlets = cmdlets;
        this.sampleMailbox = testMailbox;
    }

    List<Map<String, Object>> exo(String cmdlet, Map<String, Object> parameters) {
        return cmdlets.exo(cmdlet, parameters);
    }

    List<Map<String, Object>> scc(String cmdlet, Map<String, Object> parameters) {
        return cmdlets.scc(cmdlet, parameters);
    }

    /** A cmdlet with component options on its URI, e.g. {@code exo:Get-Mailbox?pageSize=1}. */
    List<Map<String, Object>> run(String uri, Map<String, Object> parameters) {
        return cmdlets.run(uri, parameters);
    }

    /** A bulk call: one entry per item (Input, Records, Warnings, Error), in the items' order. */
    List<Map<String, Object>> bulk(String uri, List<?> items) {
        return cmdlets.bulk(uri, items);
    }

    Map<String, Object> connectionInformation(String scheme) {
        return cmdlets.connectionInformation(scheme);
    }

    /** The mailbox per-mailbox probes read; a probe that needs one and finds none is skipped. */
    String sampleMailbox() {
        if (sampleMailbox == null) {
            throw new Probe.Skipped("no mailbox to read: Get-Mailbox found none");
        }
        return sampleMailbox;
    }

    /** Remembers a mailbox for the per-mailbox probes, unless the test mailbox was given. */
    void offerSampleMailbox(String mailbox) {
        if (sampleMailbox == null) {
            sampleMailbox = mailbox;
        }
    }
}
