package io.camelexo.examples.tenantcheck;

/**
 * One wire choice put to the tenant. The body returns what it saw when the choice held, throws {@link Skipped} when
 * it cannot be tried (and why), {@link NotConfirmed} when the service answered but not as the choice expects, and
 * lets any other failure through for {@link Diagnosis}.
 *
 * @param name        what the probe does, e.g. {@code Get-Mailbox, second page}
 * @param compliance  whether it calls Security &amp; Compliance (scc) rather than Exchange (exo)
 * @param docsSection the section of docs/admin-api.md that describes the choice
 * @param wireChoice  the choice, in a sentence
 */
record Probe(String name, boolean compliance, String docsSection, String wireChoice, Body body) {

    @FunctionalInterface
    interface Body {
        /** @return what confirms the choice, e.g. "2 records over 2 pages of 1" */
        String run(ProbeContext context);
    }

    /** The probe cannot run, e.g. the tenant has no mailbox to read folders of. */
    static final class Skipped extends RuntimeException {
        Skipped(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The service answered, but not as the wire choice expects. */
    static final class NotConfirmed extends RuntimeException {
        NotConfirmed(String observation) {
            super(observation, null, false, false);
        }
    }
}
