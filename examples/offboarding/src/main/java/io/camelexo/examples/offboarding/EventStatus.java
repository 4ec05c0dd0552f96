package io.camelexo.examples.offboarding;

/** Where a leaver event stands. */
public enum EventStatus {
    /** Accepted; processed once its effective date has come, and resumed after a restart. */
    PENDING,
    /** Every step is done. */
    COMPLETED,
    /** A step failed for good; the reason is in offboarding_dead_letters. Submitting the event again resumes it. */
    DEAD_LETTER
}
