package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant's few configuration objects: accepted domains, organization config, transport rules (EOP) and SCC policies. */
final class OrganizationRecords {

    private static final OffsetDateTime TENANT_CREATED = OffsetDateTime.of(2018, 3, 14, 9, 26, 53, 0, ZoneOffset.UTC);

    private OrganizationRecords() {}

    static List<Map<String, Object>> acceptedDomains(Tenant tenant) {
        String label =
                tenant.initialDomain().substring(0, tenant.initialDomain().indexOf('.'));
        List<Map<String, Object>> domains = new ArrayList<>();
        domains.add(acceptedDomain(tenant, tenant.smtpDomain(), true, false, 0));
        domains.add(acceptedDomain(tenant, tenant.initialDomain(), false, true, 1));
        domains.add(acceptedDomain(tenant, label + ".mail.onmicrosoft.com", false, false, 2));
        return domains;
    }

    private static Map<String, Object> acceptedDomain(
            Tenant tenant, String domain, boolean isDefault, boolean initial, int index) {
        UUID guid = Seeds.guid(tenant.seed(), "accepted-domain", index);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("DomainName", domain);
        r.put("CatchAllRecipientID", null);
        r.put("DomainType", "Authoritative");
        r.put("MatchSubDomains", false);
        r.put("AddressBookEnabled", true);
        r.put("Default", isDefault);
        r.put("EmailOnly", false);
        r.put("ExternallyManaged", false);
        r.put("AuthenticationType", "Managed");
        r.put("LiveIdInstanceType", "Business");
        r.put("PendingRemoval", false);
        r.put("PendingCompletion", false);
        r.put("FederatedOrganizationLink", null);
        r.put("MailFlowPartner", null);
        r.put("OutboundOnly", false);
        r.put("PendingFederatedAccountNamespace", false);
        r.put("PendingFederatedDomain", false);
        r.put("IsCoexistenceDomain", domain.contains(".mail.onmicrosoft.com"));
        r.put("PerimeterDuplicateDetected", false);
        r.put("IsDefaultFederatedDomain", false);
        r.put("EnableNego2Authentication", false);
        r.put("InitialDomain", initial);
        r.put("AdminDisplayName", "");
        r.put("Name", domain);
        r.put(
                "DistinguishedName",
                "CN=" + domain + ",CN=Accepted Domains,CN=Transport Settings,CN=Configuration,CN="
                        + tenant.initialDomain() + ",CN=ConfigurationUnits,DC="
                        + String.join(",DC=", tenant.forest().split("\\.")));
        r.put("Identity", domain);
        r.put("Guid", guid);
        r.put("ObjectCategory", tenant.forest() + "/Configuration/Schema/ms-Exch-Accepted-Domain");
        r.put("ObjectClass", List.of("top", "msExchAcceptedDomain"));
        r.put("WhenChanged", TENANT_CREATED.plusDays(index));
        r.put("WhenCreated", TENANT_CREATED);
        r.put("WhenChangedUTC", TENANT_CREATED.plusDays(index).toInstant());
        r.put("WhenCreatedUTC", TENANT_CREATED.toInstant());
        r.put("OrganizationId", tenant.organizationId());
        r.put("Id", domain);
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    static Map<String, Object> organizationConfig(Tenant tenant) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Name", tenant.initialDomain());
        r.put("DisplayName", tenant.displayName());
        r.put("DefaultPublicFolderAgeLimit", null);
        r.put("DefaultPublicFolderIssueWarningQuota", "1.7 GB (1,825,361,920 bytes)");
        r.put("DefaultPublicFolderProhibitPostQuota", "2 GB (2,147,483,648 bytes)");
        r.put("DefaultPublicFolderMaxItemSize", "Unlimited");
        r.put("DefaultPublicFolderDeletedItemRetention", "30.00:00:00");
        r.put("DefaultPublicFolderMovedItemRetention", "7.00:00:00");
        r.put("PublicFoldersEnabled", "Local");
        r.put("ActivityBasedAuthenticationTimeoutInterval", "06:00:00");
        r.put("ActivityBasedAuthenticationTimeoutEnabled", true);
        r.put("AppsForOfficeEnabled", true);
        r.put("AuditDisabled", false);
        r.put("AutoExpandingArchiveEnabled", false);
        r.put("BookingsEnabled", true);
        r.put("ConnectorsEnabled", true);
        r.put("CustomerLockboxEnabled", false);
        r.put("DefaultAuthenticationPolicy", null);
        r.put("DefaultGroupAccessType", "Private");
        r.put("DistributionGroupDefaultOU", null);
        r.put("DistributionGroupNameBlockedWordsList", List.of());
        r.put("DistributionGroupNamingPolicy", "");
        r.put("ElcProcessingDisabled", false);
        r.put("EwsEnabled", null);
        r.put("ExchangeNotificationEnabled", true);
        r.put("FocusedInboxOn", null);
        r.put("HierarchicalAddressBookRoot", null);
        r.put("IsDehydrated", false);
        r.put("IsMixedMode", false);
        r.put("IsTenantAccessBlocked", false);
        r.put("LeanPopoutEnabled", false);
        r.put("LinkPreviewEnabled", true);
        r.put("MailTipsAllTipsEnabled", true);
        r.put("MailTipsExternalRecipientsTipsEnabled", false);
        r.put("MailTipsGroupMetricsEnabled", true);
        r.put("MailTipsLargeAudienceThreshold", 25);
        r.put("MailTipsMailboxSourcedTipsEnabled", true);
        r.put("MessageRecallEnabled", null);
        r.put("OAuth2ClientProfileEnabled", true);
        r.put("OnlineMeetingsByDefaultEnabled", null);
        r.put("OutlookMobileGCCRestrictionsEnabled", false);
        r.put("OutlookPayEnabled", true);
        r.put("PublicComputersDetectionEnabled", false);
        r.put("ReadTrackingEnabled", false);
        r.put("RemotePublicFolderMailboxes", List.of());
        r.put("SendFromAliasEnabled", false);
        r.put("SmtpActionableMessagesEnabled", true);
        r.put("UnblockUnsafeSenderPromptEnabled", true);
        r.put("VisibleMeetingUpdateProperties", "Location,AllProperties:15");
        r.put("WebPushNotificationsDisabled", false);
        r.put("WebSuggestedRepliesDisabled", false);
        r.put("AdminDisplayName", "");
        r.put("ExchangeVersion", "0.20 (15.0.0.0)");
        r.put(
                "DistinguishedName",
                "CN=Configuration,CN=" + tenant.initialDomain() + ",CN=ConfigurationUnits,DC="
                        + String.join(",DC=", tenant.forest().split("\\.")));
        r.put("Identity", tenant.initialDomain());
        r.put("Guid", Seeds.guid(tenant.seed(), "organization", 0));
        r.put("ObjectCategory", tenant.forest() + "/Configuration/Schema/ms-Exch-Configuration-Unit-Container");
        r.put("ObjectClass", List.of("top", "container", "msExchConfigurationUnitContainer"));
        r.put("WhenChanged", TENANT_CREATED.plusDays(600));
        r.put("WhenCreated", TENANT_CREATED);
        r.put("WhenChangedUTC", TENANT_CREATED.plusDays(600).toInstant());
        r.put("WhenCreatedUTC", TENANT_CREATED.toInstant());
        r.put("OrganizationId", tenant.organizationId());
        r.put("Id", tenant.initialDomain());
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    static List<Map<String, Object>> transportRules(Tenant tenant) {
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(transportRule(
                tenant,
                0,
                "External sender disclaimer",
                "If the message: Is received from 'OutsideOrganization'\r\n"
                        + "Take the following actions: Prepend the subject of the message with '[EXTERNAL] '\r\n",
                "Enforce"));
        rules.add(transportRule(
                tenant,
                1,
                "Block executable attachments",
                "If the message: Has an attachment with extension 'exe' or 'js'\r\n"
                        + "Take the following actions: Reject the message and include the explanation 'Executable attachments are not allowed' with the status code '5.7.1'\r\n",
                "Enforce"));
        rules.add(transportRule(
                tenant,
                2,
                "Encrypt messages marked confidential",
                "If the message: 'Subject' or 'Body' matches the text pattern '\\[confidential\\]'\r\n"
                        + "Take the following actions: rights protect message with RMS template: 'Encrypt'\r\n",
                "Audit"));
        rules.add(transportRule(
                tenant,
                3,
                "Bypass spam filtering for partner",
                "If the message: Is sent from a member of domain 'partner.example'\r\n"
                        + "Take the following actions: Set the spam confidence level (SCL) to '-1'\r\n",
                "AuditAndNotify"));
        return rules;
    }

    private static Map<String, Object> transportRule(
            Tenant tenant, int priority, String name, String description, String mode) {
        UUID guid = Seeds.guid(tenant.seed(), "transport-rule", priority);
        OffsetDateTime changed = TENANT_CREATED.plusDays(100L * (priority + 1));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Priority", priority);
        r.put("DlpPolicy", "");
        r.put("DlpPolicyId", new UUID(0, 0));
        r.put("Comments", "");
        r.put("ManuallyModified", false);
        r.put("ActivationDate", null);
        r.put("ExpiryDate", null);
        r.put("Description", description);
        r.put("RuleVersion", "15.0.5.2");
        r.put("Conditions", List.of("Microsoft.Exchange.MessagingPolicies.Rules.Tasks.FromScopePredicate"));
        r.put("Exceptions", null);
        r.put("Actions", List.of("Microsoft.Exchange.MessagingPolicies.Rules.Tasks.PrependSubjectAction"));
        r.put("State", "Enabled");
        r.put("Mode", mode);
        r.put("RuleErrorAction", "Ignore");
        r.put("SenderAddressLocation", "Header");
        r.put("RuleSubType", "None");
        r.put("UseLegacyRegex", false);
        r.put("FromScope", priority == 0 ? "NotInOrganization" : null);
        r.put("SentToScope", null);
        r.put("SetSCL", priority == 3 ? -1 : null);
        r.put("PrependSubject", priority == 0 ? "[EXTERNAL] " : null);
        r.put("StopRuleProcessing", false);
        r.put("RouteMessageOutboundRequireTls", false);
        r.put("ImmutableId", guid);
        r.put("Identity", name);
        r.put("Name", name);
        r.put(
                "DistinguishedName",
                "CN=" + name + ",CN=TransportVersioned,CN=Rules,CN=Transport Settings,CN=Configuration,CN="
                        + tenant.initialDomain() + ",CN=ConfigurationUnits,DC="
                        + String.join(",DC=", tenant.forest().split("\\.")));
        r.put("Guid", guid);
        r.put("WhenChanged", changed);
        r.put("WhenChangedUTC", changed.toInstant());
        r.put("OrganizationId", tenant.organizationId());
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    static List<Map<String, Object>> retentionCompliancePolicies(Tenant tenant) {
        String admin = tenant.adminUserPrincipalName();
        List<Map<String, Object>> policies = new ArrayList<>();
        policies.add(retentionPolicy(tenant, 0, "Retain mail 7 years", "Exchange", List.of("All"), admin));
        policies.add(retentionPolicy(tenant, 1, "Delete Teams chats after 2 years", "Teams", List.of(), admin));
        policies.add(retentionPolicy(
                tenant,
                2,
                "Finance records",
                "Exchange, SharePoint, OneDriveForBusiness",
                List.of("finance@" + tenant.smtpDomain()),
                admin));
        return policies;
    }

    private static Map<String, Object> retentionPolicy(
            Tenant tenant, int index, String name, String workload, List<String> exchangeLocation, String admin) {
        UUID guid = Seeds.guid(tenant.seed(), "retention-policy", index);
        OffsetDateTime created = TENANT_CREATED.plusDays(200L + 50L * index);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("RestrictiveRetention", false);
        r.put("TeamsPolicy", workload.equals("Teams"));
        r.put("Type", "RetentionCompliancePolicy");
        r.put("PolicyTemplateInfo", null);
        r.put("ExchangeLocation", exchangeLocation);
        r.put("ExchangeLocationException", List.of());
        r.put("SharePointLocation", workload.contains("SharePoint") ? List.of("All") : List.of());
        r.put("OneDriveLocation", workload.contains("OneDrive") ? List.of("All") : List.of());
        r.put("ModernGroupLocation", List.of());
        r.put("TeamsChatLocation", workload.equals("Teams") ? List.of("All") : List.of());
        r.put("TeamsChannelLocation", List.of());
        r.put("Workload", workload);
        r.put("Comment", "");
        r.put("Enabled", true);
        r.put("Mode", "Enforce");
        r.put("DistributionStatus", "Success");
        r.put("DistributionResults", List.of());
        r.put("IsAdaptivePolicy", false);
        r.put("CreatedBy", admin);
        r.put("LastModifiedBy", admin);
        r.put("ModificationTimeUtc", created.plusDays(3).toInstant());
        r.put("CreationTimeUtc", created.toInstant());
        r.put(
                "ObjectVersion",
                Seeds.guid(tenant.seed(), "retention-policy-version", index).toString());
        r.put(
                "Identity",
                "FFO.extest.microsoft.com/Microsoft Exchange Hosted Organizations/" + tenant.initialDomain()
                        + "/Configuration/" + name);
        r.put("Name", name);
        r.put("Guid", guid);
        r.put("WhenChanged", created.plusDays(3));
        r.put("WhenCreated", created);
        r.put("WhenChangedUTC", created.plusDays(3).toInstant());
        r.put("WhenCreatedUTC", created.toInstant());
        r.put("ExoObjectId", guid);
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    static List<Map<String, Object>> complianceSearches(Tenant tenant) {
        String admin = tenant.adminUserPrincipalName();
        List<Map<String, Object>> searches = new ArrayList<>();
        searches.add(
                complianceSearch(tenant, 0, "Phishing cleanup 2025-03", "subject:\"Invoice overdue\"", 1_204, admin));
        searches.add(complianceSearch(
                tenant,
                1,
                "Legal hold - Project Falcon",
                "\"Project Falcon\" AND received>=2024-01-01",
                35_912,
                admin));
        searches.add(complianceSearch(tenant, 2, "GDPR request 1187", "from:customer1187@example.org", 57, admin));
        return searches;
    }

    private static Map<String, Object> complianceSearch(
            Tenant tenant, int index, String name, String query, long items, String admin) {
        UUID guid = Seeds.guid(tenant.seed(), "compliance-search", index);
        OffsetDateTime created =
                OffsetDateTime.of(2025, 3, 4, 10, 0, 0, 0, ZoneOffset.UTC).plusDays(20L * index);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Name", name);
        r.put("RunBy", admin);
        r.put("JobEndTime", created.plusMinutes(14).toInstant());
        r.put("Status", "Completed");
        r.put("ContentMatchQuery", query);
        r.put("ExchangeLocation", List.of("All"));
        r.put("SharePointLocation", List.of());
        r.put("Items", items);
        r.put("Size", items * 48_000);
        r.put("UnindexedItems", items / 100);
        r.put("SuccessResults", "{Location: All; Item count: " + items + "; Total size: " + items * 48_000 + "}");
        r.put("Errors", null);
        r.put("CreatedBy", admin);
        r.put("CreatedTime", created.toInstant());
        r.put("LastModifiedBy", admin);
        r.put("LastModifiedTime", created.plusMinutes(1).toInstant());
        r.put("JobStartTime", created.plusMinutes(1).toInstant());
        r.put("Identity", guid.toString());
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }
}
