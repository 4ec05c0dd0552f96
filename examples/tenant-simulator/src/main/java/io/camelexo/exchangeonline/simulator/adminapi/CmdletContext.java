package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.Collection;
import java.util.Set;

/**
 * What a cmdlet runs against: the tenant, the requested selection (so a handler can build smaller records when
 * they suffice), the key that decrypts SecureString parameters, the sign-in accounts New-Mailbox adds to, and whether
 * the call follows a nextLink (which runs the cmdlet again for its next page: a cmdlet with state must not move on).
 */
record CmdletContext(
        Tenant tenant,
        Selection selection,
        SecureStrings secureStrings,
        SignInAccounts accounts,
        boolean continuation) {

    /** Whether records limited to {@code available} hold every selected property and everything the handler reads. */
    boolean smallRecordSuffices(Collection<String> available, Set<String> alsoRead) {
        return selection.within(available) && Selection.covers(available, alsoRead);
    }
}
