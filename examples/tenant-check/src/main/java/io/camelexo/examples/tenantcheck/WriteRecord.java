package io.camelexo.examples.tenantcheck;

/**
 * A reversible write the check made to the test mailbox, and whether it was put back.
 *
 * @param change      what was changed, e.g. {@code Set-Mailbox -CustomAttribute15}
 * @param original    the value before the check
 * @param testValue   the value the check set
 * @param restored    whether a read after the restore showed the original again
 * @param restoreNote the failure that kept it from being restored, or null
 */
record WriteRecord(
        String mailbox, String change, String original, String testValue, boolean restored, String restoreNote) {}
