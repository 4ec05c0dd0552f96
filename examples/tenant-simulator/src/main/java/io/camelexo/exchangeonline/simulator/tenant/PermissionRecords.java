package io.camelexo.exchangeonline.simulator.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Get-MailboxPermission entries: SELF on every mailbox, plus generated FullAccess delegates on shared and resource mailboxes. */
final class PermissionRecords {

    private PermissionRecords() {}

    static List<Map<String, Object>> generated(Tenant tenant, Mailbox m) {
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(entry(
                m.alias(), "NT AUTHORITY\\SELF", "S-1-5-10", List.of("FullAccess", "ReadPermission"), "All", false));
        if (m.kind() != MailboxKind.USER) {
            SplittableRandom rnd = Seeds.random(tenant.seed(), "permissions", m.index());
            int delegates = 1 + rnd.nextInt(4);
            for (int i = 0; i < delegates; i++) {
                Mailbox delegate =
                        tenant.mailboxes().get(rnd.nextInt(tenant.mailboxes().generated()));
                if (delegate.kind() == MailboxKind.USER && delegate.index() != m.index()) {
                    entries.add(entry(
                            m.alias(),
                            delegate.primarySmtpAddress(),
                            sid(tenant, delegate.index()),
                            List.of("FullAccess"),
                            "All",
                            false));
                }
            }
        }
        return entries;
    }

    static Map<String, Object> entry(
            String mailbox, String user, String userSid, List<String> accessRights, String inheritance, boolean deny) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("AccessRights", List.copyOf(accessRights));
        r.put("Deny", deny);
        r.put("InheritanceType", inheritance);
        r.put("User", user);
        r.put("UserSid", userSid);
        r.put("Identity", mailbox);
        r.put("IsInherited", false);
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    /** A Get-RecipientPermission entry: the trustee may send as the recipient. */
    static Map<String, Object> recipientEntry(String recipient, String trustee) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("AccessControlType", "Allow");
        r.put("AccessRights", List.of("SendAs"));
        r.put("Identity", recipient);
        r.put("InheritanceType", "None");
        r.put("IsInherited", false);
        r.put("Trustee", trustee);
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    /** A stable, realistic-looking Entra user SID for a mailbox owner. */
    static String sid(Tenant tenant, int mailbox) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "sid", mailbox);
        return "S-1-5-21-" + (1_000_000_000L + rnd.nextInt(1_000_000_000)) + "-"
                + (1_000_000_000L + rnd.nextInt(1_000_000_000)) + "-" + (1_000_000_000L + rnd.nextInt(1_000_000_000))
                + "-" + (1000 + mailbox);
    }
}
