package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What identifies a mailbox: cheap to generate, enough to build any of its records. The records' other ~230
 * properties are derived from (seed, index) when a response needs them.
 *
 * @param index       position in the tenant: generated mailboxes first, then the ones New-Mailbox created
 * @param firstName   null for shared and resource mailboxes
 */
public record Mailbox(
        int index,
        MailboxKind kind,
        String alias,
        String displayName,
        String firstName,
        String lastName,
        String smtpDomain,
        UUID guid,
        UUID exchangeGuid,
        UUID externalDirectoryObjectId,
        OffsetDateTime whenCreated) {

    public String primarySmtpAddress() {
        return alias + "@" + smtpDomain;
    }
}
