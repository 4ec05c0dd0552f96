package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/** Distribution groups: one per 50 mailboxes (at least 3), each with 3..25 generated members. */
final class GroupRecords {

    static final String GUID_KIND = "group";

    private GroupRecords() {}

    static int count(int mailboxes) {
        return Math.max(3, mailboxes / 50);
    }

    static String alias(Tenant tenant, int group) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "group", group);
        return "dl-" + Names.aliasPart(Names.pick(Names.TEAMS, rnd)) + "-" + group;
    }

    /** Sorted, distinct mailbox indexes; recomputed on demand, never stored. */
    static int[] generatedMembers(Tenant tenant, int group, int mailboxes) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "group-members", group);
        int wanted = Math.min(mailboxes, 3 + rnd.nextInt(23));
        return rnd.ints(wanted * 2L, 0, mailboxes)
                .distinct()
                .limit(wanted)
                .sorted()
                .toArray();
    }

    static Map<String, Object> record(Tenant tenant, int group, String managerUpn) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "group", group);
        String team = Names.pick(Names.TEAMS, rnd);
        String alias = "dl-" + Names.aliasPart(team) + "-" + group;
        boolean security = rnd.nextInt(3) == 0;
        UUID guid = Seeds.guid(tenant.seed(), GUID_KIND, group);
        OffsetDateTime created =
                OffsetDateTime.of(2019, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC).plusMinutes(rnd.nextInt(3_000_000));
        OffsetDateTime changed = created.plusDays(rnd.nextInt(400));
        String smtp = alias + "@" + tenant.smtpDomain();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("GroupType", security ? "Universal, SecurityEnabled" : "Universal");
        r.put("SamAccountName", alias + hexSuffix(guid));
        r.put("BypassNestedModerationEnabled", false);
        r.put("IsDirSynced", false);
        r.put("ManagedBy", List.of(managerUpn));
        r.put("MemberJoinRestriction", "Closed");
        r.put("MemberDepartRestriction", security ? "Closed" : "Open");
        r.put("MigrationToUnifiedGroupInProgress", false);
        r.put("HiddenGroupMembershipEnabled", false);
        r.put("ExpansionServer", "");
        r.put("ReportToManagerEnabled", false);
        r.put("ReportToOriginatorEnabled", true);
        r.put("SendOofMessageToOriginatorEnabled", false);
        r.put("AcceptMessagesOnlyFrom", List.of());
        r.put("AcceptMessagesOnlyFromDLMembers", List.of());
        r.put("AcceptMessagesOnlyFromSendersOrMembers", List.of());
        r.put(
                "AddressListMembership",
                List.of("\\All Distribution Lists", "\\All Recipients(VLV)", "\\Default Global Address List"));
        r.put("AdministrativeUnits", List.of());
        r.put("Alias", alias);
        r.put("ArbitrationMailbox", "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}");
        r.put("BypassModerationFromSendersOrMembers", List.of());
        r.put("OrganizationalUnit", tenant.initialDomain());
        for (int i = 1; i <= 15; i++) {
            r.put("CustomAttribute" + i, "");
        }
        r.put("DisplayName", "DL " + team + " " + group);
        r.put("EmailAddresses", List.of("SMTP:" + smtp, "smtp:" + alias + "@" + tenant.initialDomain()));
        r.put("GrantSendOnBehalfTo", List.of());
        r.put(
                "ExternalDirectoryObjectId",
                Seeds.guid(tenant.seed(), "group-directory-object", group).toString());
        r.put("HiddenFromAddressListsEnabled", false);
        r.put(
                "LegacyExchangeDN",
                "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + hexSuffix(guid)
                        + "-" + alias);
        r.put("MaxSendSize", "Unlimited");
        r.put("MaxReceiveSize", "Unlimited");
        r.put("ModeratedBy", List.of());
        r.put("ModerationEnabled", false);
        r.put("EmailAddressPolicyEnabled", true);
        r.put("PrimarySmtpAddress", smtp);
        r.put("RecipientType", security ? "MailUniversalSecurityGroup" : "MailUniversalDistributionGroup");
        r.put("RecipientTypeDetails", security ? "MailUniversalSecurityGroup" : "MailUniversalDistributionGroup");
        r.put("RejectMessagesFrom", List.of());
        r.put("RejectMessagesFromDLMembers", List.of());
        r.put("RejectMessagesFromSendersOrMembers", List.of());
        r.put("RequireSenderAuthenticationEnabled", true);
        r.put("SimpleDisplayName", "");
        r.put("SendModerationNotifications", "Never");
        r.put("WindowsEmailAddress", smtp);
        r.put("MailTip", null);
        r.put("MailTipTranslations", List.of());
        r.put("Identity", alias);
        r.put("IsValid", true);
        r.put("ExchangeVersion", "0.10 (14.0.100.0)");
        r.put("Name", alias);
        r.put("DistinguishedName", MailboxRecords.distinguishedName(tenant, alias));
        r.put("Guid", guid);
        r.put("ObjectCategory", tenant.forest() + "/Configuration/Schema/Group");
        r.put("ObjectClass", List.of("top", "group"));
        r.put("WhenChanged", changed);
        r.put("WhenCreated", created);
        r.put("WhenChangedUTC", changed.toInstant());
        r.put("WhenCreatedUTC", created.toInstant());
        r.put("ExchangeObjectId", guid);
        r.put("OrganizationId", tenant.organizationId());
        r.put("Id", alias);
        r.put("OriginatingServer", tenant.serverPrefix().toUpperCase(Locale.ROOT) + "A04DC011." + tenant.forest());
        r.put("ObjectState", "Unchanged");
        return r;
    }

    private static String hexSuffix(UUID guid) {
        return guid.toString().replace("-", "").substring(0, 10);
    }
}
