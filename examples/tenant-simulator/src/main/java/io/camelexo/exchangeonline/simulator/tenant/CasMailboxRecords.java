package io.camelexo.exchangeonline.simulator.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Get-CASMailbox: a mailbox's client access protocols, drawn from (seed, index); no cmdlet changes them here. */
final class CasMailboxRecords {

    /** Get-EXOCasMailbox's Minimum property set (Microsoft's cmdlet-property-sets page). */
    static final List<String> MINIMUM = List.of(
            "ActiveSyncEnabled",
            "DisplayName",
            "ECPEnabled",
            "EmailAddresses",
            "EwsEnabled",
            "ExternalDirectoryObjectId",
            "Guid",
            "Identity",
            "ImapEnabled",
            "MAPIEnabled",
            "Name",
            "OWAEnabled",
            "OrganizationId",
            "PopEnabled",
            "PrimarySmtpAddress",
            "ServerLegacyDN");

    private CasMailboxRecords() {}

    static Map<String, Object> record(Tenant tenant, Map<String, Object> mailbox, Mailbox m) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "cas-mailbox", m.index());
        boolean person = m.kind() == MailboxKind.USER;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ActiveSyncEnabled", person && rnd.nextInt(10) > 0);
        r.put("ActiveSyncAllowedDeviceIDs", List.of());
        r.put("ActiveSyncBlockedDeviceIDs", List.of());
        r.put("ActiveSyncMailboxPolicy", "Default");
        r.put("ActiveSyncSuppressReadReceipt", false);
        r.put("DisplayName", mailbox.get("DisplayName"));
        r.put("ECPEnabled", true);
        r.put("EmailAddresses", mailbox.get("EmailAddresses"));
        r.put("EwsEnabled", true);
        r.put("EwsAllowOutlook", null);
        r.put("EwsAllowMacOutlook", null);
        r.put("ExternalDirectoryObjectId", mailbox.get("ExternalDirectoryObjectId"));
        r.put("Guid", mailbox.get("Guid"));
        r.put("HasActiveSyncDevicePartnership", person && rnd.nextInt(3) == 0);
        r.put("Identity", mailbox.get("Identity"));
        r.put("ImapEnabled", rnd.nextInt(4) == 0);
        r.put("MacOutlookEnabled", true);
        r.put("MAPIEnabled", true);
        r.put("Name", mailbox.get("Name"));
        r.put("OneWinNativeOutlookEnabled", true);
        r.put("OrganizationId", mailbox.get("OrganizationId"));
        r.put("OutlookMobileEnabled", true);
        r.put("OWAEnabled", true);
        r.put("OWAforDevicesEnabled", true);
        r.put("OwaMailboxPolicy", "OwaMailboxPolicy-Default");
        r.put("PopEnabled", rnd.nextInt(4) == 0);
        r.put("PrimarySmtpAddress", mailbox.get("PrimarySmtpAddress"));
        r.put("ServerLegacyDN", mailbox.get("ServerLegacyDN"));
        r.put("SmtpClientAuthenticationDisabled", null);
        r.put("UniversalOutlookEnabled", true);
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }
}
