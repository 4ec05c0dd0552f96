package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.server.SimRequest;
import io.camelexo.exchangeonline.simulator.server.SimResponse;
import io.camelexo.exchangeonline.simulator.tenant.DeviceOverlay;
import io.camelexo.exchangeonline.simulator.tenant.MailboxOverlay;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nine Get-EXO* entity routes (docs/admin-api.md, "Get-EXO* entity routes"), in the forms the component's
 * EntityRoutes builds: {@code Mailbox}, {@code Recipient} and {@code CasMailbox}, each also keyed
 * ({@code Mailbox('base64')?isEncoded=true}); {@code Mailbox('…')/MailboxPermission},
 * {@code Mailbox('…')/Exchange.GetMailboxStatistics()}, {@code Mailbox('…')/MobileDevice/Exchange.GetMobileDeviceStatistics()},
 * {@code Mailbox('…')/MailboxFolder/Exchange.GetMailboxFolderStatistics(folderscope='All')},
 * {@code Mailbox('…')/MailboxFolder('base64')/MailboxFolderPermission}, {@code Recipient('…')/RecipientPermission} and
 * {@code Recipient/Exchange.GetRecipientPermissionByFilters()}; with PropertySet, $select, $filter (OData), $top and
 * RecipientTypeDetails. Collections page by GET on @odata.nextLink; a keyed GET answers the entity itself.
 */
final class EntityRoutes {

    private static final Pattern ROUTE = Pattern.compile(
            "^(Mailbox|Recipient|CasMailbox)(?:\\('((?:[^']|'')*)'\\))?(?:/(.+))?$", Pattern.CASE_INSENSITIVE);

    private static final List<String> ENTITY_SETS = List.of("Mailbox", "Recipient", "CasMailbox");

    private static final Pattern FOLDER_STATISTICS = Pattern.compile(
            "^MailboxFolder/Exchange\\.GetMailboxFolderStatistics\\(folderscope='((?:[^']|'')*)'\\)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern FOLDER_PERMISSION =
            Pattern.compile("^MailboxFolder\\('((?:[^']|'')*)'\\)/MailboxFolderPermission$", Pattern.CASE_INSENSITIVE);

    /** Get-EXORecipientPermission without an identity: every recipient's permissions. */
    private static final String PERMISSIONS_BY_FILTERS = "Exchange.GetRecipientPermissionByFilters()";

    /** Get-EXOCasMailbox's property sets; the simulator knows Minimum (and All), not the per-protocol sets. */
    private static final Map<String, List<String>> CAS_PROPERTY_SETS =
            Map.of("minimum", MailboxOverlay.casMinimumProperties());

    /** Get-EXOMailbox property sets beyond Minimum (Microsoft's cmdlet-property-sets page, abridged). */
    private static final Map<String, List<String>> PROPERTY_SETS = propertySets();

    /** More than a mailbox's generated recipient permissions (SELF and at most four delegates). */
    private static final int ENTRIES_PER_MAILBOX = 8;

    private EntityRoutes() {}

    private static Map<String, List<String>> propertySets() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("minimum", MailboxOverlay.minimumProperties());
        sets.put(
                "archive",
                List.of(
                        "ArchiveDatabase",
                        "ArchiveGuid",
                        "ArchiveName",
                        "ArchiveQuota",
                        "ArchiveWarningQuota",
                        "ArchiveStatus",
                        "ArchiveState",
                        "AutoExpandingArchiveEnabled",
                        "DisabledArchiveDatabase",
                        "DisabledArchiveGuid",
                        "JournalArchiveAddress"));
        sets.put(
                "audit",
                List.of(
                        "AuditAdmin",
                        "AuditDelegate",
                        "AuditEnabled",
                        "AuditLogAgeLimit",
                        "AuditOwner",
                        "DefaultAuditSet"));
        sets.put("custom", MailboxOverlay.customAttributeProperties());
        sets.put(
                "delivery",
                List.of(
                        "AcceptMessagesOnlyFrom",
                        "AcceptMessagesOnlyFromDLMembers",
                        "AcceptMessagesOnlyFromSendersOrMembers",
                        "DeliverToMailboxAndForward",
                        "ForwardingAddress",
                        "ForwardingSmtpAddress",
                        "GrantSendOnBehalfTo",
                        "MaxReceiveSize",
                        "MaxSendSize",
                        "RecipientLimits",
                        "RejectMessagesFrom",
                        "RejectMessagesFromDLMembers",
                        "RejectMessagesFromSendersOrMembers"));
        sets.put(
                "hold",
                List.of(
                        "ComplianceTagHoldApplied",
                        "DelayHoldApplied",
                        "DelayReleaseHoldApplied",
                        "InPlaceHolds",
                        "LitigationHoldDate",
                        "LitigationHoldDuration",
                        "LitigationHoldEnabled",
                        "LitigationHoldOwner"));
        sets.put(
                "moderation",
                List.of(
                        "BypassModerationFromSendersOrMembers",
                        "ModeratedBy",
                        "ModerationEnabled",
                        "SendModerationNotifications"));
        sets.put(
                "quota",
                List.of(
                        "CalendarLoggingQuota",
                        "IssueWarningQuota",
                        "ProhibitSendQuota",
                        "ProhibitSendReceiveQuota",
                        "RecoverableItemsQuota",
                        "RecoverableItemsWarningQuota",
                        "RulesQuota",
                        "UseDatabaseQuotaDefaults"));
        sets.put(
                "resource",
                List.of(
                        "IsResource",
                        "ResourceCapacity",
                        "ResourceCustom",
                        "ResourceType",
                        "RoomMailboxAccountEnabled"));
        sets.put(
                "retention",
                List.of(
                        "EndDateForRetentionHold",
                        "RetainDeletedItemsFor",
                        "RetainDeletedItemsUntilBackup",
                        "RetentionComment",
                        "RetentionHoldEnabled",
                        "RetentionPolicy",
                        "RetentionUrl",
                        "SingleItemRecoveryEnabled",
                        "StartDateForRetentionHold",
                        "UseDatabaseRetentionDefaults"));
        sets.put(
                "softdelete",
                List.of(
                        "IsInactiveMailbox",
                        "IsSoftDeletedByDisable",
                        "IsSoftDeletedByRemove",
                        "WhenSoftDeleted",
                        "InactiveMailboxRetireTime"));
        sets.put("statisticsseed", List.of("ArchiveDatabaseGuid", "DatabaseGuid", "ExchangeGuid"));
        return sets;
    }

    /**
     * @param rawRoute   the path after {@code /adminapi/beta/{tenant}/}, still percent-encoded
     * @param tenantBase {@code {base}/adminapi/beta/{tenant}} for @odata.context, @odata.id and nextLinks
     */
    static SimResponse get(SimRequest request, String rawRoute, Tenant tenant, String tenantBase) {
        Matcher route = ROUTE.matcher(rawRoute.replace("%27", "'"));
        if (!route.matches()) {
            throw AdminApiError.plain(
                    404,
                    "NotFound",
                    "No HTTP resource was found that matches the request URI '" + tenantBase + "/" + rawRoute + "'.");
        }
        String entitySet = ENTITY_SETS.stream()
                .filter(route.group(1)::equalsIgnoreCase)
                .findFirst()
                .orElseThrow();
        boolean recipients = entitySet.equals("Recipient");
        String key = route.group(2) != null ? key(route.group(2), request) : null;
        String navigation = route.group(3);
        if (key == null && recipients && PERMISSIONS_BY_FILTERS.equalsIgnoreCase(navigation)) {
            request.note().cmdlet("Get-EXORecipientPermission");
            return page(
                    request,
                    allRecipientPermissions(request, tenant),
                    tenantBase,
                    tenantBase + "/$metadata#Collection(Exchange.RecipientPermission)",
                    Selection.of(list(request.queryOption("$select"))),
                    null);
        }
        if (key == null && navigation != null || entitySet.equals("CasMailbox") && navigation != null) {
            throw AdminApiError.plain(
                    404,
                    "NotFound",
                    "No HTTP resource was found that matches the request URI '" + tenantBase + "/" + rawRoute + "'.");
        }
        Function<Map<String, Object>, String> editLink =
                record -> entitySet + "('" + record.get("ExternalDirectoryObjectId") + "')";
        if (navigation == null) {
            request.note().cmdlet("Get-EXO" + entitySet);
            return entities(request, tenant, tenantBase, entitySet, key, editLink);
        }
        int index = Lookups.mailbox(tenant, key);
        String function = navigation.toLowerCase(Locale.ROOT);
        Matcher folderStatistics = FOLDER_STATISTICS.matcher(navigation);
        Matcher folderPermission = FOLDER_PERMISSION.matcher(navigation);
        List<Map<String, Object>> records;
        String contextType;
        if (recipients) {
            if (!function.equals("recipientpermission")) {
                throw AdminApiError.plain(
                        404,
                        "NotFound",
                        "No HTTP resource was found that matches the request URI '" + tenantBase + "/" + rawRoute
                                + "'.");
            }
            request.note().cmdlet("Get-EXORecipientPermission");
            records = tenant.permissions().sendAs(index);
            contextType = "Collection(Exchange.RecipientPermission)";
        } else if (folderStatistics.matches()) {
            request.note().cmdlet("Get-EXOMailboxFolderStatistics");
            String scope = SimRequest.decode(folderStatistics.group(1)).replace("''", "'");
            if (!MailboxOverlay.isFolderScope(scope)) {
                throw AdminApiError.plain(
                        400,
                        "BadRequest",
                        "The value '" + scope + "' is not a valid FolderScope. Valid values: "
                                + MailboxOverlay.folderScopes() + ".");
            }
            records = tenant.mailboxes().folderStatistics(index, scope);
            contextType = "Collection(Exchange.MailboxFolderStatistics)";
        } else if (folderPermission.matches()) {
            request.note().cmdlet("Get-EXOMailboxFolderPermission");
            String folder = key(folderPermission.group(1), request);
            records = tenant.mailboxes().folderPermissions(index, folder);
            if (records == null) {
                throw AdminApiError.objectNotFound(key + ":\\" + folder, tenant.domainController());
            }
            contextType = "Collection(Exchange.MailboxFolderPermission)";
        } else if (function.equals("mailboxpermission")) {
            request.note().cmdlet("Get-EXOMailboxPermission");
            records = tenant.permissions().of(index);
            contextType = entitySet + "('" + key + "')/MailboxPermission";
        } else if (function.equals("exchange.getmailboxstatistics()")) {
            request.note().cmdlet("Get-EXOMailboxStatistics");
            records = List.of(tenant.mailboxes().statistics(index));
            contextType = "Collection(Exchange.MailboxStatistics)";
        } else if (function.equals("mobiledevice/exchange.getmobiledevicestatistics()")) {
            request.note().cmdlet("Get-EXOMobileDeviceStatistics");
            records = new ArrayList<>();
            for (int slot = 0; slot < DeviceOverlay.slotsPerMailbox(); slot++) {
                Map<String, Object> statistics = tenant.devices().statistics(index, slot);
                if (statistics != null) {
                    records.add(statistics);
                }
            }
            contextType = "Collection(Exchange.MobileDeviceStatistics)";
        } else {
            throw AdminApiError.plain(
                    404,
                    "NotFound",
                    "No HTTP resource was found that matches the request URI '" + tenantBase + "/" + rawRoute + "'.");
        }
        Selection selection = Selection.of(list(request.queryOption("$select")));
        return page(
                request,
                RecordSource.of(records),
                tenantBase,
                tenantBase + "/$metadata#" + contextType,
                selection,
                null);
    }

    private static SimResponse entities(
            SimRequest request,
            Tenant tenant,
            String tenantBase,
            String entitySet,
            String key,
            Function<Map<String, Object>, String> editLink) {
        Selection selection = selection(request, entitySet);
        RecordFilter filter = odataFilter(request);
        Set<String> read = new HashSet<>(filter == null ? Set.of() : filter.properties());
        read.add("ExternalDirectoryObjectId");
        boolean minimum = selection.within(MailboxOverlay.cheapProperties())
                && Selection.covers(MailboxOverlay.cheapProperties(), read);
        Function<Integer, Map<String, Object>> record = switch (entitySet) {
            case "Recipient" -> index -> tenant.mailboxes().recipient(index);
            case "CasMailbox" -> index -> tenant.mailboxes().casMailbox(index);
            default -> index -> tenant.mailboxes().record(index, minimum);
        };
        if (key != null) {
            Map<String, Object> entity = record.apply(Lookups.mailbox(tenant, key));
            return SimResponse.of(
                    200,
                    AdminApiError.JSON,
                    PageWriter.entity(
                            tenantBase + "/$metadata#" + entitySet + "/$entity",
                            entity,
                            selection,
                            tenantBase,
                            editLink));
        }
        Predicate<Map<String, Object>> wanted = Lookups.orAll(filter).and(recipientTypes(request));
        RecordSource source = Lookups.mailboxes(tenant, filter, record::apply).filter(wanted);
        return page(request, source, tenantBase, tenantBase + "/$metadata#" + entitySet, selection, editLink);
    }

    private static SimResponse page(
            SimRequest request,
            RecordSource source,
            String tenantBase,
            String context,
            Selection selection,
            Function<Map<String, Object>, String> editLink) {
        String skip = request.queryOption("$skiptoken");
        SkipToken token = skip != null ? SkipToken.decode(skip) : new SkipToken(0, 0, null);
        long limit = top(request);
        int size = (int) Math.min(Paging.pageSize(request, Paging.ENTITY_DEFAULT_PAGE_SIZE), limit - token.delivered());
        Paging.Page page = Paging.read(source, token.position(), size);
        long delivered = token.delivered() + page.records().size();
        String nextLink = page.more() && delivered < limit
                ? nextLink(request, new SkipToken(page.nextPosition(), delivered, null))
                : null;
        return SimResponse.of(
                        200,
                        AdminApiError.JSON,
                        PageWriter.entityCollection(context, page.records(), nextLink, selection, tenantBase, editLink))
                .header(
                        "Preference-Applied",
                        "odata.maxpagesize=" + Paging.pageSize(request, Paging.ENTITY_DEFAULT_PAGE_SIZE));
    }

    /**
     * Every mailbox's recipient permissions, optionally only a Trustee's or only some AccessRights; positions are
     * (mailbox, entry) pairs so that paging stays positional.
     */
    private static RecordSource allRecipientPermissions(SimRequest request, Tenant tenant) {
        String trustee = request.queryOption("Trustee");
        Set<String> rights = new HashSet<>();
        list(request.queryOption("AccessRights")).forEach(right -> rights.add(right.toLowerCase(Locale.ROOT)));
        Predicate<Map<String, Object>> wanted = entry ->
                (trustee == null || String.valueOf(entry.get("Trustee")).equalsIgnoreCase(trustee))
                        && (rights.isEmpty()
                                || ((List<?>) entry.get("AccessRights"))
                                        .stream()
                                                .anyMatch(right -> rights.contains(
                                                        right.toString().toLowerCase(Locale.ROOT))));
        return RecordSource.over((long) tenant.mailboxes().count() * ENTRIES_PER_MAILBOX, position -> {
                    List<Map<String, Object>> entries =
                            tenant.permissions().sendAs((int) (position / ENTRIES_PER_MAILBOX));
                    int entry = (int) (position % ENTRIES_PER_MAILBOX);
                    return entry < entries.size() ? entries.get(entry) : null;
                })
                .filter(wanted);
    }

    /** The same URL with $skiptoken replaced: the query (filter, select, property sets) travels in the link. */
    private static String nextLink(SimRequest request, SkipToken token) {
        StringBuilder query = new StringBuilder();
        for (String pair : request.rawQuery().split("&")) {
            String name = SimRequest.decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
            if (!pair.isEmpty() && !name.equalsIgnoreCase("$skiptoken")) {
                query.append(pair).append('&');
            }
        }
        return request.baseUrl() + request.rawPath() + "?" + query + "%24skiptoken=" + token.encode();
    }

    /** Minimum plus the requested property sets plus $select; PropertySet=All means everything. */
    private static Selection selection(SimRequest request, String entitySet) {
        List<String> select = list(request.queryOption("$select"));
        if (entitySet.equals("Recipient")) {
            return Selection.of(select);
        }
        Map<String, List<String>> propertySets = entitySet.equals("CasMailbox") ? CAS_PROPERTY_SETS : PROPERTY_SETS;
        List<String> names = new ArrayList<>(propertySets.get("minimum"));
        for (String set : list(request.queryOption("PropertySet"))) {
            String wanted = set.toLowerCase(Locale.ROOT);
            if (wanted.equals("all")) {
                return Selection.ALL;
            }
            List<String> properties = propertySets.get(wanted);
            if (properties == null) {
                throw AdminApiError.plain(
                        400,
                        "BadRequest",
                        "The value '" + set + "' is not a valid PropertySet. Valid values: All, "
                                + String.join(", ", propertySets.keySet()) + ".");
            }
            names.addAll(properties);
        }
        names.addAll(select);
        return Selection.of(names);
    }

    private static RecordFilter odataFilter(SimRequest request) {
        String text = request.queryOption("$filter");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RecordFilter.parseOData(text);
        } catch (IllegalArgumentException e) {
            throw AdminApiError.plain(
                    400, "BadRequest", "The query specified in the URI is not valid. " + e.getMessage());
        }
    }

    private static Predicate<Map<String, Object>> recipientTypes(SimRequest request) {
        List<String> types = list(request.queryOption("RecipientTypeDetails"));
        if (types.isEmpty()) {
            return record -> true;
        }
        Set<String> wanted = new HashSet<>();
        types.forEach(type -> wanted.add(type.toLowerCase(Locale.ROOT)));
        return record -> wanted.contains(
                String.valueOf(record.get("RecipientTypeDetails")).toLowerCase(Locale.ROOT));
    }

    private static long top(SimRequest request) {
        String top = request.queryOption("$top");
        if (top == null) {
            return Long.MAX_VALUE;
        }
        try {
            long value = Long.parseLong(top.strip());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw AdminApiError.plain(
                    400, "BadRequest", "The value '" + top + "' of $top is not a positive whole number.");
        }
    }

    /** The identity in a key segment: Base64 (UTF-8) with isEncoded=true, else the literal with '' for a quote. */
    private static String key(String rawKey, SimRequest request) {
        String key = SimRequest.decode(rawKey.replace("+", "%2B"));
        if (!"true".equalsIgnoreCase(request.queryOption("isEncoded"))) {
            return key.replace("''", "'");
        }
        try {
            return new String(Base64.getDecoder().decode(key), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AdminApiError.plain(
                    400, "BadRequest", "The key '" + key + "' is not Base64, but the request says isEncoded=true.");
        }
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : commaSeparated.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
