package io.camelexo.examples.offboarding;

import java.time.LocalDate;

/**
 * A leaver event as accepted: who leaves (lower-case UPN), who takes over the mailbox, from which day, and the
 * automatic reply the mailbox gives from then on.
 */
public record LeaverEvent(String userPrincipalName, String manager, LocalDate effectiveDate, String autoReplyMessage) {

    /** The same leaver on the same day is the same event, however often and by whichever way it is sent. */
    public String eventId() {
        return userPrincipalName + "/" + effectiveDate;
    }
}
