package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What identifies a mailbox: cheap to generate, enough to build any of its records. The records' other ~230
 * properties are derived from (seed, index) when a response needs them.
 *
 * @param index       position in the tenant: generated mailboxes first, then the ones New-Mailbox created
 * @param name        the object's Name (also its Identity and its DN's CN): the alias, unless the tenant has name
 *                    variety, or New-Mailbox named it otherwise (then the name is in the overlay's changes)
 * @param firstName   null for shared and resource mailboxes
 */
public record Mailbox(
        int index,
        MailboxKind kind,
        String alias,
        String name,
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
