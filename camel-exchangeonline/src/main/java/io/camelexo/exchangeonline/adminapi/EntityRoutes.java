package io.camelexo.exchangeonline.adminapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The nine Get-EXO* cmdlets, which the module runs against OData entity routes instead of InvokeCommand
 * (docs/admin-api.md, "Get-EXO* entity routes"). The exact URL forms are not confirmed (the module builds them in its
 * closed .NET assembly): each lives in this class only — the route table, the identity key
 * form ({@code ('base64')} with {@code isEncoded=true}) and the query option names.
 */
final class EntityRoutes {

    /** Cmdlet → route template; {id} is the mailbox/recipient key, {folder} a folder key, {scope} FolderScope. */
    private static final Map<String, String> ROUTES = Map.of(
            "get-exomailbox", "Mailbox",
            "get-exorecipient", "Recipient",
            "get-exocasmailbox", "CasMailbox",
            "get-exomailboxpermission", "Mailbox({id})/MailboxPermission",
            "get-exorecipientpermission", "Recipient({id})/RecipientPermission",
            "get-exomailboxstatistics", "Mailbox({id})/Exchange.GetMailboxStatistics()",
            "get-exomailboxfolderstatistics",
                    "Mailbox({id})/MailboxFolder/Exchange.GetMailboxFolderStatistics(folderscope={scope})",
            "get-exomailboxfolderpermission", "Mailbox({id})/MailboxFolder({folder})/MailboxFolderPermission",
            "get-exomobiledevicestatistics", "Mailbox({id})/MobileDevice/Exchange.GetMobileDeviceStatistics()");

    /** Without an Identity the recipient permissions of the whole organisation come from this function (not confirmed). */
    private static final String ALL_RECIPIENT_PERMISSIONS = "Recipient/Exchange.GetRecipientPermissionByFilters()";

    /** Parameters that name the object, in the order Get-EXO* cmdlets accept them. */
    private static final List<String> IDENTITY_PARAMETERS =
            List.of("Identity", "UserPrincipalName", "PrimarySmtpAddress", "ExchangeGuid", "ExternalDirectoryObjectId");

    /** Parameters consumed into the route itself rather than passed as query options. */
    private static final Set<String> ROUTE_PARAMETERS = Set.of(
            "identity",
            "userprincipalname",
            "primarysmtpaddress",
            "exchangeguid",
            "externaldirectoryobjectid",
            "propertysets",
            "properties",
            "filter",
            "resultsize",
            "folderscope");

    private EntityRoutes() {}

    static boolean isEntityCmdlet(String cmdlet) {
        return ROUTES.containsKey(cmdlet.toLowerCase(Locale.ROOT));
    }

    /** Relative URL (path and query) of the first page. */
    static String firstPage(CmdletRequest request) {
        String cmdlet = request.cmdlet().toLowerCase(Locale.ROOT);
        String identity = identity(request);
        String template = ROUTES.get(cmdlet);
        boolean keyed = false;
        if (identity == null) {
            if (template.contains("{id}") && cmdlet.equals("get-exorecipientpermission")) {
                template = ALL_RECIPIENT_PERMISSIONS;
            } else if (template.contains("{id}")) {
                throw new IllegalArgumentException(
                        request.cmdlet() + " needs Identity (or one of " + IDENTITY_PARAMETERS + ")");
            }
        } else if (template.contains("{folder}")) {
            int split = identity.indexOf(":\\");
            if (split < 0) {
                throw new IllegalArgumentException(request.cmdlet()
                        + " needs Identity as <mailbox>:\\<folder>, e.g. anna@contoso.com:\\Calendar, got '" + identity
                        + "'");
            }
            template = template.replace("{folder}", key(identity.substring(split + 2)));
            identity = identity.substring(0, split);
            keyed = true;
        } else if (!template.contains("{id}")) {
            template = template + "({id})";
        }
        if (identity != null) {
            template = template.replace("{id}", key(identity));
            keyed = true;
        }
        Object scope = request.parameter("FolderScope");
        template = template.replace("{scope}", "'" + (scope == null ? "All" : scope) + "'");

        Map<String, String> query = new LinkedHashMap<>();
        if (keyed) {
            query.put("isEncoded", "true");
        }
        Object propertySets = request.parameter("PropertySets");
        if (propertySets != null) {
            query.put("PropertySet", joined(propertySets));
        }
        List<String> select = new ArrayList<>(request.select());
        Object properties = request.parameter("Properties");
        if (properties != null) {
            select.addAll(List.of(joined(properties).split(",")));
        }
        if (!select.isEmpty()) {
            query.put("$select", String.join(",", select));
        }
        Object filter = request.parameter("Filter");
        if (filter != null) {
            query.put("$filter", OpathFilterTranslator.toODataFilter(filter.toString()));
        }
        request.parameters().forEach((name, value) -> {
            if (value != null && !ROUTE_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                query.put(name, value instanceof Boolean b ? b.toString() : joined(value));
            }
        });
        StringJoiner queryString = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) ->
                queryString.add(UriEncoding.encode(name).replace("%24", "$") + "=" + UriEncoding.encode(value)));
        return template + queryString;
    }

    private static String identity(CmdletRequest request) {
        for (String name : IDENTITY_PARAMETERS) {
            Object value = request.parameter(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }

    /** {@code 'base64 of the UTF-8 identity'}: no quoting or escaping problems whatever the identity holds. */
    private static String key(String identity) {
        return "'" + UriEncoding.encode(Base64.getEncoder().encodeToString(identity.getBytes(StandardCharsets.UTF_8)))
                + "'";
    }

    private static String joined(Object value) {
        if (value instanceof Collection<?> collection) {
            StringJoiner joiner = new StringJoiner(",");
            collection.forEach(item -> joiner.add(String.valueOf(item)));
            return joiner.toString();
        } else if (value instanceof Object[] array) {
            return joined(List.of(array));
        }
        return value.toString();
    }
}
