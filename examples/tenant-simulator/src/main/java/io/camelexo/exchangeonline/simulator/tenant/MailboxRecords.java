package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Builds a mailbox's records from its identity and (seed, index): the Get-Mailbox object (about 250 properties,
 * ~15 KB of JSON with annotations, the size of a real full Get-Mailbox record), its Minimum property set, the recipient view,
 * statistics and auto-reply configuration. Values use the wire's Java types: String, Boolean, Integer, Long,
 * UUID (a .NET Guid), OffsetDateTime (DateTime), Instant (a *UTC DateTime), List&lt;String&gt; (MultiValuedProperty), null.
 */
final class MailboxRecords {

    /** Get-EXOMailbox's default property set (Microsoft's cmdlet-property-sets page). */
    static final List<String> MINIMUM = List.of(
            "ExternalDirectoryObjectId",
            "UserPrincipalName",
            "Alias",
            "DisplayName",
            "EmailAddresses",
            "PrimarySmtpAddress",
            "RecipientType",
            "RecipientTypeDetails",
            "Identity",
            "Id",
            "ExchangeVersion",
            "Name",
            "DistinguishedName",
            "OrganizationId",
            "Guid");

    /** CustomAttribute1..15 and ExtensionCustomAttribute1..5 (the Custom property set). */
    static final List<String> CUSTOM_ATTRIBUTES = customAttributes();

    private static final String EXCHANGE_VERSION = "0.20 (15.0.0.0)";
    private static final String ADMIN_GROUP =
            "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=";

    private MailboxRecords() {}

    private static List<String> customAttributes() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            names.add("CustomAttribute" + i);
        }
        for (int i = 1; i <= 5; i++) {
            names.add("ExtensionCustomAttribute" + i);
        }
        return List.copyOf(names);
    }

    /** Only the Minimum properties: what paging a million mailboxes should cost. */
    static Map<String, Object> minimum(Tenant tenant, Mailbox m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ExternalDirectoryObjectId", m.externalDirectoryObjectId().toString());
        r.put("UserPrincipalName", userPrincipalName(m));
        r.put("Alias", m.alias());
        r.put("DisplayName", m.displayName());
        r.put("EmailAddresses", emailAddresses(tenant, m));
        r.put("PrimarySmtpAddress", m.primarySmtpAddress());
        r.put("RecipientType", "UserMailbox");
        r.put("RecipientTypeDetails", m.kind().recipientTypeDetails());
        r.put("Identity", m.name());
        r.put("Id", m.name());
        r.put("ExchangeVersion", EXCHANGE_VERSION);
        r.put("Name", m.name());
        r.put("DistinguishedName", distinguishedName(tenant, m.name()));
        r.put("OrganizationId", tenant.organizationId());
        r.put("Guid", m.guid());
        // not a Minimum property, but as cheap: an inventory keyed by ExchangeGuid (-Properties ExchangeGuid) stays
        // on this path; a selection of Minimum leaves it out of the answer
        r.put("ExchangeGuid", m.exchangeGuid());
        return r;
    }

    static Map<String, Object> full(Tenant tenant, Mailbox m) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "mailbox-details", m.index());
        boolean user = m.kind() == MailboxKind.USER;
        boolean resource = m.kind().isResource();
        String upn = userPrincipalName(m);
        OffsetDateTime created = m.whenCreated();
        OffsetDateTime changed = created.plusDays(1 + rnd.nextInt(700)).plusSeconds(rnd.nextInt(86_400));
        String forestLower = tenant.forest().toLowerCase(Locale.ROOT);
        String server = tenant.serverPrefix() + "mb" + (1000 + rnd.nextInt(9000));
        String database =
                tenant.databasePrefix() + "DG" + (100 + rnd.nextInt(200)) + "-db" + threeDigits(rnd.nextInt(200));
        UUID databaseGuid = Seeds.guid(tenant.seed(), "database", rnd.nextInt(1000));
        // every draw happens whatever the kind, so that Set-Mailbox -Type changes only what depends on the type
        boolean archive = rnd.nextInt(100) < 35 && user;
        boolean litigationHold = rnd.nextInt(100) < 8 && user;
        boolean snackyAppData = rnd.nextBoolean() && user;
        boolean picture = rnd.nextBoolean() && user;
        boolean dirSynced = rnd.nextInt(100) < 60 && user;
        int roomCapacity = 4 + rnd.nextInt(20);
        String office = Names.pick(Names.CITIES, rnd);
        String netId = hex(rnd, 16).toUpperCase(Locale.ROOT);
        String archiveDatabase =
                tenant.databasePrefix() + "DG" + (100 + rnd.nextInt(200)) + "-db" + threeDigits(rnd.nextInt(200));
        UUID archiveDatabaseGuid = Seeds.guid(tenant.seed(), "database", rnd.nextInt(1000));
        boolean autoExpandingArchive = rnd.nextInt(4) == 0 && archive;
        String holdId = "mbx" + hex(rnd, 32) + ":1";
        String department = Names.pick(Names.DEPARTMENTS, rnd);
        String costCenter = "CC-" + (1000 + rnd.nextInt(9000));
        long quotaGb = user ? 100 : 50;
        String country = Names.pick(Names.COUNTRIES, rnd);
        String language = switch (country) {
            case "Germany", "Switzerland" -> "de-DE";
            case "France" -> "fr-FR";
            case "Spain" -> "es-ES";
            case "Italy" -> "it-IT";
            case "Japan" -> "ja-JP";
            case "Poland" -> "pl-PL";
            default -> "en-US";
        };
        String legacyDn = ADMIN_GROUP + hex(rnd, 32) + "-" + m.alias();

        Map<String, Object> r = new LinkedHashMap<>(512);
        r.put("Database", database);
        r.put("DatabaseGuid", databaseGuid);
        r.put("MailboxProvisioningConstraint", null);
        r.put("IsMonitoringMailbox", false);
        r.put("MailboxRegion", null);
        r.put("MailboxRegionLastUpdateTime", null);
        r.put("MailboxRegionSuffix", "None");
        r.put("MessageRecallProcessingEnabled", true);
        r.put("MessageCopyForSentAsEnabled", !user);
        r.put("MessageCopyForSendOnBehalfEnabled", !user);
        r.put("MailboxProvisioningPreferences", List.of());
        r.put("UseDatabaseRetentionDefaults", false);
        r.put("RetainDeletedItemsUntilBackup", false);
        r.put("DeliverToMailboxAndForward", false);
        r.put("IsExcludedFromServingHierarchy", false);
        r.put("IsHierarchyReady", true);
        r.put("IsHierarchySyncEnabled", true);
        r.put("IsPublicFolderSystemMailbox", false);
        r.put("HasSnackyAppData", snackyAppData);
        r.put("LitigationHoldEnabled", litigationHold);
        r.put("SingleItemRecoveryEnabled", true);
        r.put("RetentionHoldEnabled", false);
        r.put("EndDateForRetentionHold", null);
        r.put("StartDateForRetentionHold", null);
        r.put("RetentionComment", "");
        r.put("RetentionUrl", "");
        r.put("LitigationHoldDate", litigationHold ? changed : null);
        r.put("LitigationHoldOwner", litigationHold ? tenant.adminUserPrincipalName() : "");
        r.put("ElcProcessingDisabled", false);
        r.put("ComplianceTagHoldApplied", false);
        r.put("WasInactiveMailbox", false);
        r.put("DelayHoldApplied", false);
        r.put("DelayReleaseHoldApplied", false);
        r.put("PitrEnabled", false);
        r.put("PitrCopyIntervalInSeconds", 0);
        r.put("PitrPaused", false);
        r.put("PitrPausedTimestamp", null);
        r.put("PitrOffboarded", false);
        r.put("PitrOffboardedTimestamp", null);
        r.put("InactiveMailboxRetireTime", null);
        r.put("OrphanSoftDeleteTrackingTime", null);
        r.put("LitigationHoldDuration", "Unlimited");
        r.put("ManagedFolderMailboxPolicy", null);
        r.put("RetentionPolicy", "Default MRM Policy");
        r.put("AddressBookPolicy", null);
        r.put("CalendarRepairDisabled", false);
        r.put("ExchangeGuid", m.exchangeGuid());
        r.put("MailboxContainerGuid", null);
        r.put("UnifiedMailbox", null);
        r.put("MailboxLocations", List.of("1;" + m.exchangeGuid() + ";Primary;" + forestLower + ";" + databaseGuid));
        r.put("AggregatedMailboxGuids", List.of());
        r.put("ExchangeSecurityDescriptor", "System.Security.AccessControl.RawSecurityDescriptor");
        r.put("ExchangeUserAccountControl", "None");
        r.put("AdminDisplayVersion", "Version 15.20 (Build " + (8000 + rnd.nextInt(900)) + ".25)");
        r.put("MessageTrackingReadStatusEnabled", true);
        r.put("ExternalOofOptions", "External");
        r.put("ForwardingAddress", null);
        r.put("ForwardingSmtpAddress", null);
        r.put("RetainDeletedItemsFor", "14.00:00:00");
        r.put("IsMailboxEnabled", true);
        r.put("Languages", user ? List.of(language) : List.of());
        r.put("OfflineAddressBook", null);
        r.put("ProhibitSendQuota", ByteSize.format(ByteSize.gigabytes(quotaGb - 1)));
        r.put("ProhibitSendReceiveQuota", ByteSize.format(ByteSize.gigabytes(quotaGb)));
        r.put("RecoverableItemsQuota", ByteSize.format(ByteSize.gigabytes(litigationHold ? 100 : 30)));
        r.put("RecoverableItemsWarningQuota", ByteSize.format(ByteSize.gigabytes(litigationHold ? 90 : 20)));
        r.put("CalendarLoggingQuota", ByteSize.format(ByteSize.gigabytes(6)));
        r.put("DowngradeHighPriorityMessagesEnabled", false);
        r.put(
                "ProtocolSettings",
                List.of(
                        "RemotePowerShell\u00a71",
                        "MAPI\u00a71\u00a7\u00a7\u00a7\u00a7\u00a7\u00a7\u00a7\u00a7",
                        "OWA\u00a71",
                        "ECP\u00a71"));
        r.put("RecipientLimits", "500");
        r.put("ImListMigrationCompleted", false);
        r.put("SiloName", null);
        r.put("IsResource", resource);
        r.put("IsLinked", false);
        r.put("IsShared", m.kind() == MailboxKind.SHARED);
        r.put("IsRootPublicFolderMailbox", false);
        r.put("LinkedMasterAccount", "");
        r.put("ResetPasswordOnNextLogon", false);
        r.put("ResourceCapacity", m.kind() == MailboxKind.ROOM ? roomCapacity : null);
        r.put("ResourceCustom", List.of());
        r.put("ResourceType", resource ? (m.kind() == MailboxKind.ROOM ? "Room" : "Equipment") : null);
        r.put("RoomMailboxAccountEnabled", m.kind() == MailboxKind.ROOM ? Boolean.FALSE : null);
        r.put(
                "SamAccountName",
                "$" + hex(rnd, 6).toUpperCase(Locale.ROOT) + "-" + hex(rnd, 12).toUpperCase(Locale.ROOT));
        r.put("SCLDeleteThreshold", null);
        r.put("SCLDeleteEnabled", null);
        r.put("SCLRejectThreshold", null);
        r.put("SCLRejectEnabled", null);
        r.put("SCLQuarantineThreshold", null);
        r.put("SCLQuarantineEnabled", null);
        r.put("SCLJunkThreshold", null);
        r.put("SCLJunkEnabled", null);
        r.put("AntispamBypassEnabled", false);
        r.put(
                "ServerLegacyDN",
                "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn="
                        + server.toUpperCase(Locale.ROOT));
        r.put("ServerName", server);
        r.put("UseDatabaseQuotaDefaults", false);
        r.put("IssueWarningQuota", ByteSize.format(ByteSize.gigabytes(quotaGb - 2)));
        r.put("RulesQuota", ByteSize.format(256 * 1024));
        r.put("Office", user ? office : "");
        r.put("UserPrincipalName", upn);
        r.put("UMEnabled", false);
        r.put("MaxSafeSenders", null);
        r.put("MaxBlockedSenders", null);
        r.put("NetID", user ? netId : null);
        r.put("ReconciliationId", null);
        r.put("WindowsLiveID", upn);
        r.put("MicrosoftOnlineServicesID", upn);
        r.put("ThrottlingPolicy", null);
        r.put("RoleAssignmentPolicy", "Default Role Assignment Policy");
        r.put("DefaultPublicFolderMailbox", null);
        r.put("EffectivePublicFolderMailbox", null);
        r.put("SharingPolicy", "Default Sharing Policy");
        r.put("RemoteAccountPolicy", null);
        r.put(
                "MailboxPlan",
                user ? "ExchangeOnlineEnterprise-" + tenant.tenantId() : "ExchangeOnline-" + tenant.tenantId());
        r.put("ArchiveDatabase", archive ? archiveDatabase : null);
        r.put("ArchiveDatabaseGuid", archive ? archiveDatabaseGuid : new UUID(0, 0));
        r.put("ArchiveGuid", archive ? Seeds.guid(tenant.seed(), "archive", m.index()) : new UUID(0, 0));
        r.put("ArchiveName", archive ? List.of("In-Place Archive - " + m.displayName()) : List.of());
        r.put("JournalArchiveAddress", "");
        r.put("ArchiveQuota", ByteSize.format(ByteSize.gigabytes(100)));
        r.put("ArchiveWarningQuota", ByteSize.format(ByteSize.gigabytes(90)));
        r.put("ArchiveDomain", "");
        r.put("ArchiveStatus", archive ? "Active" : "None");
        r.put("ArchiveState", archive ? "Local" : "None");
        r.put("AutoExpandingArchiveEnabled", autoExpandingArchive);
        r.put("DisabledMailboxLocations", false);
        r.put("RemoteRecipientType", "None");
        r.put("DisabledArchiveDatabase", null);
        r.put("DisabledArchiveGuid", new UUID(0, 0));
        r.put("QueryBaseDN", null);
        r.put("QueryBaseDNRestrictionEnabled", false);
        r.put("MailboxMoveTargetMDB", null);
        r.put("MailboxMoveSourceMDB", null);
        r.put("MailboxMoveFlags", "None");
        r.put("MailboxMoveRemoteHostName", "");
        r.put("MailboxMoveBatchName", "");
        r.put("MailboxMoveStatus", "None");
        r.put("MailboxRelease", "");
        r.put("ArchiveRelease", "");
        r.put("IsPersonToPersonTextMessagingEnabled", false);
        r.put("IsMachineToPersonTextMessagingEnabled", user);
        r.put("UserSMimeCertificate", List.of());
        r.put("UserCertificate", List.of());
        r.put("CalendarVersionStoreDisabled", false);
        r.put("ImmutableId", "");
        r.put("PersistedCapabilities", user ? List.of("BPOS_S_Enterprise", "BPOS_S_EopStandardAddOn") : List.of());
        r.put("SKUAssigned", user ? Boolean.TRUE : null);
        r.put("AuditEnabled", true);
        r.put("AuditLogAgeLimit", "90.00:00:00");
        r.put(
                "AuditAdmin",
                List.of(
                        "Update",
                        "MoveToDeletedItems",
                        "SoftDelete",
                        "HardDelete",
                        "SendAs",
                        "SendOnBehalf",
                        "Create",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules",
                        "UpdateCalendarDelegation",
                        "ApplyRecord",
                        "MailItemsAccessed",
                        "Send"));
        r.put(
                "AuditDelegate",
                List.of(
                        "Update",
                        "MoveToDeletedItems",
                        "SoftDelete",
                        "HardDelete",
                        "SendAs",
                        "SendOnBehalf",
                        "Create",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules",
                        "ApplyRecord",
                        "MailItemsAccessed"));
        r.put(
                "AuditOwner",
                List.of(
                        "Update",
                        "MoveToDeletedItems",
                        "SoftDelete",
                        "HardDelete",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules",
                        "UpdateCalendarDelegation",
                        "ApplyRecord",
                        "MailItemsAccessed",
                        "Send"));
        r.put("DefaultAuditSet", List.of("Admin", "Delegate", "Owner"));
        r.put("WhenMailboxCreated", created);
        r.put("SourceAnchor", "");
        r.put("UsageLocation", user ? country : null);
        r.put("IsSoftDeletedByRemove", false);
        r.put("IsSoftDeletedByDisable", false);
        r.put("IsInactiveMailbox", false);
        r.put("IncludeInGarbageCollection", false);
        r.put("WhenSoftDeleted", null);
        r.put("InPlaceHolds", litigationHold ? List.of(holdId) : List.of());
        r.put("GeneratedOfflineAddressBooks", List.of());
        r.put("AccountDisabled", !user);
        r.put("StsRefreshTokensValidFrom", user ? created : null);
        r.put("NonCompliantDevices", List.of());
        r.put("EnforcedTimestamps", "");
        r.put("DataEncryptionPolicy", null);
        r.put("MessageCopyForSMTPClientSubmissionEnabled", true);
        r.put("RecipientThrottlingThreshold", "Standard");
        r.put("SharedEmailDomainTenant", "");
        r.put("SharedEmailDomainState", "None");
        r.put("SharedWithTargetSmtpAddress", "");
        r.put("SharedEmailDomainStateLastModified", null);
        r.put("EmailAddressDisplayNames", List.of());
        r.put("ResourceProvisioningOptions", List.of());
        r.put("Extensions", List.of());
        r.put("HasPicture", picture);
        r.put("HasSpokenName", false);
        r.put("IsDirSynced", dirSynced);
        r.put("AcceptMessagesOnlyFrom", List.of());
        r.put("AcceptMessagesOnlyFromDLMembers", List.of());
        r.put("AcceptMessagesOnlyFromSendersOrMembers", List.of());
        r.put("AddressListMembership", addressLists(m));
        r.put("AdministrativeUnits", List.of());
        r.put("Alias", m.alias());
        r.put("ArbitrationMailbox", null);
        r.put("BypassModerationFromSendersOrMembers", List.of());
        r.put(
                "OrganizationalUnit",
                tenant.forest()
                                .toLowerCase(Locale.ROOT)
                                .replace(
                                        ".prod.outlook.com",
                                        ".prod.outlook.com/Microsoft Exchange Hosted Organizations/")
                        + tenant.initialDomain());
        for (String attribute : CUSTOM_ATTRIBUTES) {
            boolean extension = attribute.startsWith("Extension");
            r.put(
                    attribute,
                    extension
                            ? List.of()
                            : !user
                                    ? ""
                                    : attribute.equals("CustomAttribute1")
                                            ? department
                                            : attribute.equals("CustomAttribute2") ? costCenter : "");
        }
        r.put("DisplayName", m.displayName());
        r.put("EmailAddresses", emailAddresses(tenant, m));
        r.put("GrantSendOnBehalfTo", List.of());
        r.put("ExternalDirectoryObjectId", m.externalDirectoryObjectId().toString());
        r.put("HiddenFromAddressListsEnabled", false);
        r.put("LastExchangeChangedTime", null);
        r.put("LegacyExchangeDN", legacyDn);
        r.put("MaxSendSize", ByteSize.format(ByteSize.megabytes(35)));
        r.put("MaxReceiveSize", ByteSize.format(ByteSize.megabytes(36)));
        r.put("ModeratedBy", List.of());
        r.put("ModerationEnabled", false);
        r.put(
                "PoliciesIncluded",
                List.of(
                        Seeds.guid(tenant.seed(), "email-address-policy", 0).toString(),
                        "{26491cfc-9e50-4857-861b-0cb8df22b5d7}"));
        r.put("PoliciesExcluded", List.of());
        r.put("EmailAddressPolicyEnabled", true);
        r.put("PrimarySmtpAddress", m.primarySmtpAddress());
        r.put("RecipientType", "UserMailbox");
        r.put("RecipientTypeDetails", m.kind().recipientTypeDetails());
        r.put("RejectMessagesFrom", List.of());
        r.put("RejectMessagesFromDLMembers", List.of());
        r.put("RejectMessagesFromSendersOrMembers", List.of());
        r.put("RequireSenderAuthenticationEnabled", false);
        r.put("SimpleDisplayName", "");
        r.put("SendModerationNotifications", "Always");
        r.put("UMDtmfMap", dtmfMap(m));
        r.put("WindowsEmailAddress", m.primarySmtpAddress());
        r.put("MailTip", null);
        r.put("MailTipTranslations", List.of());
        r.put("Identity", m.name());
        r.put("IsValid", true);
        r.put("ExchangeVersion", EXCHANGE_VERSION);
        r.put("Name", m.name());
        r.put("DistinguishedName", distinguishedName(tenant, m.name()));
        r.put("Guid", m.guid());
        r.put(
                "ObjectCategory",
                tenant.forest().replace(".PROD.OUTLOOK.COM", ".PROD.OUTLOOK.COM/Configuration/Schema/Person"));
        r.put("ObjectClass", List.of("top", "person", "organizationalPerson", "user"));
        r.put("WhenChanged", changed);
        r.put("WhenCreated", created);
        r.put("WhenChangedUTC", changed.toInstant());
        r.put("WhenCreatedUTC", created.toInstant());
        r.put("ExchangeObjectId", m.guid());
        r.put("OrganizationalUnitRoot", tenant.initialDomain());
        r.put("OrganizationId", tenant.organizationId());
        r.put("Id", m.name());
        r.put(
                "OriginatingServer",
                tenant.serverPrefix().toUpperCase(Locale.ROOT) + "A04DC" + threeDigits(rnd.nextInt(200)) + "."
                        + tenant.forest());
        r.put("ObjectState", "Unchanged");
        r.put("RecipientSoftDeletedStatus", 0);
        return r;
    }

    /** Get-Recipient's view of a mailbox (also Get-DistributionGroupMember's ReducedRecipient). */
    static Map<String, Object> recipient(Tenant tenant, Map<String, Object> mailbox) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String name : List.of(
                "Alias",
                "DisplayName",
                "PrimarySmtpAddress",
                "EmailAddresses",
                "ExternalDirectoryObjectId",
                "HiddenFromAddressListsEnabled",
                "RecipientType",
                "RecipientTypeDetails",
                "WindowsLiveID",
                "CustomAttribute1",
                "CustomAttribute2",
                "UsageLocation",
                "ArchiveStatus",
                "Office",
                "Identity",
                "Name",
                "DistinguishedName",
                "Guid",
                "OrganizationId",
                "WhenChanged",
                "WhenCreated",
                "WhenChangedUTC",
                "WhenCreatedUTC",
                "ExchangeVersion",
                "IsValid")) {
            r.put(name, mailbox.get(name));
        }
        r.put("ExchangeObjectId", mailbox.get("Guid"));
        r.put("OrganizationalUnit", tenant.initialDomain());
        return r;
    }

    /** Get-MailboxStatistics: sizes and counts drawn from (seed, index). */
    static Map<String, Object> statistics(Tenant tenant, Mailbox m) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "mailbox-statistics", m.index());
        long maxGb = m.kind() == MailboxKind.USER ? 95 : 45;
        // log-uniform between 1 MB and the quota: most mailboxes are small, a few are nearly full
        long totalBytes = (long) Math.exp(Math.log(ByteSize.megabytes(1))
                + rnd.nextDouble() * (Math.log(ByteSize.gigabytes(maxGb)) - Math.log(ByteSize.megabytes(1))));
        long deletedBytes = totalBytes / (5 + rnd.nextInt(40));
        int items = (int) Math.max(1, totalBytes / (30_000 + rnd.nextInt(120_000)));
        OffsetDateTime lastLogon =
                OffsetDateTime.of(2025, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC).minusMinutes(rnd.nextInt(200_000));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("AttachmentTableAvailableSize", ByteSize.format(0));
        r.put("AttachmentTableTotalSize", ByteSize.format(ByteSize.megabytes(1 + rnd.nextInt(30))));
        r.put("DatabaseIssueWarningQuota", ByteSize.format(ByteSize.gigabytes(maxGb + 3)));
        r.put(
                "DatabaseName",
                tenant.databasePrefix() + "DG" + (100 + rnd.nextInt(200)) + "-db" + threeDigits(rnd.nextInt(200)));
        r.put("DatabaseProhibitSendQuota", ByteSize.format(ByteSize.gigabytes(maxGb + 4)));
        r.put("DatabaseProhibitSendReceiveQuota", ByteSize.format(ByteSize.gigabytes(maxGb + 5)));
        r.put("DeletedItemCount", (int) (items / (4 + rnd.nextInt(20))));
        r.put("DisconnectDate", null);
        r.put("DisconnectReason", null);
        r.put("DisplayName", m.displayName());
        r.put("DumpsterMessagesPerFolderCountReceiveQuota", 3_000_000);
        r.put("DumpsterMessagesPerFolderCountWarningQuota", 2_750_000);
        r.put("ExternalDirectoryOrganizationId", tenant.tenantId());
        r.put("FastIsEnabled", false);
        r.put("FolderHierarchyChildrenCountReceiveQuota", 10_000);
        r.put("FolderHierarchyChildrenCountWarningQuota", 9_000);
        r.put("IsArchiveMailbox", false);
        r.put("IsDatabaseCopyActive", true);
        r.put("IsHighDensityShard", false);
        r.put("IsMoveDestination", false);
        r.put("IsQuarantined", false);
        r.put("ItemCount", items);
        r.put("LastInteractionTime", lastLogon.plusMinutes(rnd.nextInt(600)));
        r.put("LastLoggedOnUserAccount", null);
        r.put("LastLogoffTime", lastLogon.plusMinutes(30 + rnd.nextInt(600)));
        r.put("LastLogonTime", lastLogon);
        r.put("LastUserActionTime", lastLogon.plusMinutes(rnd.nextInt(300)));
        r.put("LastUserActionUpdateTime", lastLogon.plusMinutes(300 + rnd.nextInt(300)));
        r.put("LegacyDN", ADMIN_GROUP + hex(rnd, 32) + "-" + m.alias());
        r.put("MailboxGuid", m.exchangeGuid());
        r.put("MailboxType", "Private");
        r.put("MailboxTypeDetail", m.kind().recipientTypeDetails());
        r.put("MessageTableAvailableSize", ByteSize.format(ByteSize.megabytes(rnd.nextInt(5))));
        r.put("MessageTableTotalSize", ByteSize.format(ByteSize.megabytes(1 + rnd.nextInt(200))));
        r.put("NeedsToMove", false);
        r.put("OtherTablesAvailableSize", ByteSize.format(ByteSize.megabytes(rnd.nextInt(3))));
        r.put("OtherTablesTotalSize", ByteSize.format(ByteSize.megabytes(1 + rnd.nextInt(20))));
        r.put("OwnerADGuid", m.guid());
        r.put("ResourceUsage", null);
        r.put("ServerName", tenant.serverPrefix() + "mb" + (1000 + rnd.nextInt(9000)));
        r.put("StorageLimitStatus", null);
        r.put("SystemMessageCount", 40 + rnd.nextInt(200));
        r.put("SystemMessageSize", ByteSize.format(ByteSize.megabytes(1 + rnd.nextInt(10))));
        r.put("SystemMessageSizeShutoffQuota", ByteSize.format(ByteSize.gigabytes(50)));
        r.put("SystemMessageSizeWarningQuota", ByteSize.format(ByteSize.gigabytes(49)));
        r.put("TotalDeletedItemSize", ByteSize.format(deletedBytes));
        r.put("TotalItemSize", ByteSize.format(totalBytes));
        r.put("Identity", m.exchangeGuid().toString());
        r.put("MapiIdentity", m.exchangeGuid().toString());
        r.put(
                "OriginatingServer",
                tenant.serverPrefix().toUpperCase(Locale.ROOT) + "MB" + (1000 + rnd.nextInt(9000)) + "."
                        + tenant.forest());
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    /** Get-MailboxAutoReplyConfiguration before any Set-MailboxAutoReplyConfiguration: switched off. */
    static Map<String, Object> autoReply(Mailbox m) {
        OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("AutoDeclineFutureRequestsWhenOOF", false);
        r.put("AutoReplyState", "Disabled");
        r.put("CreateOOFEvent", false);
        r.put("DeclineAllEventsForScheduledOOF", false);
        r.put("DeclineEventsForScheduledOOF", false);
        r.put("DeclineMeetingMessage", "");
        r.put("EndTime", start.plusDays(1));
        r.put("EventsToDeleteIDs", List.of());
        r.put("ExternalAudience", "All");
        r.put("ExternalMessage", "");
        r.put("InternalMessage", "");
        r.put("OOFEventSubject", "");
        r.put("StartTime", start);
        r.put("Recipients", List.of());
        r.put("ReminderMinutesBeforeStart", 0);
        r.put("ReminderMessage", "");
        r.put("MailboxOwnerId", m.alias());
        r.put("Identity", m.alias());
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    static String userPrincipalName(Mailbox m) {
        return m.primarySmtpAddress();
    }

    static String distinguishedName(Tenant tenant, String name) {
        StringBuilder dn = new StringBuilder("CN=")
                .append(escapedRdnValue(name))
                .append(",OU=")
                .append(tenant.initialDomain())
                .append(",OU=Microsoft Exchange Hosted Organizations");
        for (String label : tenant.forest().split("\\.")) {
            dn.append(",DC=").append(label);
        }
        return dn.toString();
    }

    /** A DN attribute value: the special characters backslash-escaped, and a leading '#' or space (RFC 4514). */
    private static String escapedRdnValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean leading = i == 0 && (c == '#' || c == ' ');
            boolean trailing = i == value.length() - 1 && c == ' ';
            if (leading || trailing || ",+\"\\<>;=".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    static List<String> emailAddresses(Tenant tenant, Mailbox m) {
        List<String> addresses = new ArrayList<>(3);
        addresses.add("SMTP:" + m.primarySmtpAddress());
        addresses.add("smtp:" + m.alias() + "@" + tenant.initialDomain());
        if (m.kind() == MailboxKind.USER) {
            addresses.add("SIP:" + m.primarySmtpAddress());
        }
        return addresses;
    }

    private static List<String> addressLists(Mailbox m) {
        List<String> lists = new ArrayList<>(List.of(
                "\\Mailboxes(VLV)",
                "\\All Mailboxes(VLV)",
                "\\All Recipients(VLV)",
                "\\Default Global Address List",
                "\\All Users"));
        if (m.kind() == MailboxKind.ROOM) {
            lists.add("\\All Rooms");
        }
        return lists;
    }

    /** Unified Messaging's phone-keypad spelling of the names, which the real object still carries. */
    private static List<String> dtmfMap(Mailbox m) {
        List<String> map = new ArrayList<>(3);
        map.add("emailAddress:" + keypad(m.alias()));
        String first = m.firstName() != null ? m.firstName() : m.displayName();
        String last = m.lastName() != null ? m.lastName() : "";
        map.add("lastNameFirstName:" + keypad(last + first));
        map.add("firstNameLastName:" + keypad(first + last));
        return map;
    }

    private static String keypad(String text) {
        String keys = "22233344455566677778889999";
        StringBuilder digits = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                digits.append(keys.charAt(c - 'a'));
            } else if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String hex(SplittableRandom rnd, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(rnd.nextInt(16), 16));
        }
        return text.toString();
    }

    /** {@code 7 -> "007"} for 0..999, without String.format (which costs more than the rest of a record). */
    private static String threeDigits(int value) {
        return value < 10 ? "00" + value : value < 100 ? "0" + value : Integer.toString(value);
    }
}
