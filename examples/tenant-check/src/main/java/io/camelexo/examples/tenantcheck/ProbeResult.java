package io.camelexo.examples.tenantcheck;

/**
 * One line of the report: a probe, the wire choice it tests (with the section of docs/admin-api.md that describes
 * it), and what the tenant answered.
 *
 * @param detail    what was seen (confirmed), the service's answer (failed) or why not (skipped); secrets removed
 * @param fix       what to change, for a failure whose cause is known (credentials, roles, cloud); else null
 * @param requestId the client-request-id of the call, for Microsoft support; null without one
 */
record ProbeResult(
        String probe,
        String wireChoice,
        String docsSection,
        Status status,
        String detail,
        String fix,
        String requestId) {

    enum Status {
        CONFIRMED,
        FAILED,
        SKIPPED
    }
}
