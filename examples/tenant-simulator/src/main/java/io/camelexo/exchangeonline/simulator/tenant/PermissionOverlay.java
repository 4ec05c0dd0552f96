package io.camelexo.exchangeonline.simulator.tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Mailbox permissions: the generated entries of {@link PermissionRecords} plus what Add-MailboxPermission granted. */
public final class PermissionOverlay {

    private final Tenant tenant;
    private final Map<Integer, List<Map<String, Object>>> added = new ConcurrentHashMap<>();

    PermissionOverlay(Tenant tenant) {
        this.tenant = tenant;
    }

    /** Get-MailboxPermission's entries of the mailbox. */
    public List<Map<String, Object>> of(int mailbox) {
        List<Map<String, Object>> entries = new ArrayList<>(
                PermissionRecords.generated(tenant, tenant.mailboxes().get(mailbox)));
        entries.addAll(added.getOrDefault(mailbox, List.of()));
        return entries;
    }

    /**
     * Get-RecipientPermission's entries of the mailbox: SendAs for SELF, and for every user holding FullAccess through a
     * generated grant (as shared mailboxes are usually set up).
     */
    public List<Map<String, Object>> sendAs(int mailbox) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String identity =
                tenant.mailboxes().record(mailbox, true).get("Identity").toString();
        for (Map<String, Object> grant :
                PermissionRecords.generated(tenant, tenant.mailboxes().get(mailbox))) {
            entries.add(
                    PermissionRecords.recipientEntry(identity, grant.get("User").toString()));
        }
        return entries;
    }

    /** Add-MailboxPermission: grants the rights to the user (merged into an existing grant to the same user). */
    public synchronized Map<String, Object> add(
            int mailbox, String user, int userIndex, List<String> accessRights, String inheritanceType, boolean deny) {
        List<Map<String, Object>> grants = added.computeIfAbsent(mailbox, i -> new CopyOnWriteArrayList<>());
        String mailboxIdentity =
                tenant.mailboxes().record(mailbox, true).get("Identity").toString();
        Set<String> rights = new LinkedHashSet<>(accessRights);
        int existing = -1;
        for (int i = 0; i < grants.size(); i++) {
            Map<String, Object> entry = grants.get(i);
            if (entry.get("User").toString().equalsIgnoreCase(user)
                    && entry.get("Deny").equals(deny)) {
                existing = i;
                @SuppressWarnings("unchecked")
                List<String> granted = (List<String>) entry.get("AccessRights");
                rights.addAll(granted);
            }
        }
        // entries are replaced, never mutated: readers iterate them without locking
        Map<String, Object> entry = Collections.unmodifiableMap(PermissionRecords.entry(
                mailboxIdentity,
                user,
                userIndex >= 0 ? PermissionRecords.sid(tenant, userIndex) : "",
                List.copyOf(rights),
                inheritanceType,
                deny));
        if (existing >= 0) {
            grants.set(existing, entry);
        } else {
            grants.add(entry);
        }
        return entry;
    }
}
