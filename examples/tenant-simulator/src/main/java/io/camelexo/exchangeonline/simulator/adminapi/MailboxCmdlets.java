package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.MailboxKind;
import io.camelexo.exchangeonline.simulator.tenant.MailboxOverlay;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Get-/Set-/New-Mailbox, statistics, permissions and automatic replies. */
final class MailboxCmdlets {

    /** Set-Mailbox parameters that write the property of the same name. */
    static final List<String> SETTABLE = Stream.concat(
                    Stream.of(
                            "HiddenFromAddressListsEnabled",
                            "ForwardingSmtpAddress",
                            "ForwardingAddress",
                            "DeliverToMailboxAndForward",
                            "DisplayName",
                            "Alias",
                            "EmailAddresses",
                            "PrimarySmtpAddress",
                            "WindowsEmailAddress",
                            "GrantSendOnBehalfTo",
                            "LitigationHoldEnabled",
                            "LitigationHoldDuration",
                            "RetentionPolicy",
                            "RetainDeletedItemsFor",
                            "SingleItemRecoveryEnabled",
                            "AuditEnabled",
                            "AuditLogAgeLimit",
                            "AuditOwner",
                            "AuditDelegate",
                            "AuditAdmin",
                            "MessageCopyForSentAsEnabled",
                            "MessageCopyForSendOnBehalfEnabled",
                            "Office",
                            "ResourceCapacity",
                            "RequireSenderAuthenticationEnabled",
                            "ModerationEnabled",
                            "MailTip",
                            "AcceptMessagesOnlyFrom",
                            "RejectMessagesFrom"),
                    MailboxOverlay.customAttributeProperties().stream())
            .toList();

    static final List<String> AUTO_REPLY_SETTABLE = List.of(
            "AutoReplyState",
            "InternalMessage",
            "ExternalMessage",
            "ExternalAudience",
            "StartTime",
            "EndTime",
            "AutoDeclineFutureRequestsWhenOOF",
            "CreateOOFEvent",
            "DeclineAllEventsForScheduledOOF",
            "DeclineEventsForScheduledOOF",
            "DeclineMeetingMessage",
            "OOFEventSubject");

    /** Mailbox rights by lower-case name, for case-insensitive matching and canonical spelling. */
    private static final Map<String, String> ACCESS_RIGHTS = Map.of(
            "changeowner",
            "ChangeOwner",
            "changepermission",
            "ChangePermission",
            "deleteitem",
            "DeleteItem",
            "externalaccount",
            "ExternalAccount",
            "fullaccess",
            "FullAccess",
            "readpermission",
            "ReadPermission");

    private static final Set<String> NOT_SETTINGS = Set.of(
            "identity",
            "type",
            "erroraction",
            "warningaction",
            "informationaction",
            "confirm",
            "verbose",
            "debug",
            "whatif");

    private MailboxCmdlets() {}

    static CmdletOutput getMailbox(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        RecordFilter filter = Lookups.filter(call);
        Set<String> read = new HashSet<>(filter == null ? Set.of() : filter.properties());
        if (call.has("Anr")) {
            read.addAll(List.of("DisplayName", "Alias", "PrimarySmtpAddress", "Name"));
        }
        boolean minimum = context.smallRecordSuffices(MailboxOverlay.minimumProperties(), read);
        return mailboxListing(call, tenant, filter, index -> tenant.mailboxes().record(index, minimum));
    }

    /** Get-Recipient of the simulator's recipients, the mailboxes (the Recipient route serves the same). */
    static CmdletOutput getRecipient(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        return mailboxListing(call, tenant, Lookups.filter(call), tenant.mailboxes()::recipient);
    }

    /** The mailbox -Identity names, or every one that -Filter, -RecipientTypeDetails and -Anr let through. */
    private static CmdletOutput mailboxListing(
            CmdletCall call, Tenant tenant, RecordFilter filter, IntFunction<Map<String, Object>> record) {
        if (call.has("Identity")) {
            return CmdletOutput.of(List.of(record.apply(Lookups.mailbox(tenant, call.requiredString("Identity")))));
        }
        Predicate<Map<String, Object>> wanted =
                Lookups.orAll(filter).and(recipientTypes(call)).and(anr(call));
        return CmdletOutput.of(Lookups.mailboxes(tenant, filter, record).filter(wanted));
    }

    /** -RecipientTypeDetails (one or several values); everything without it. */
    static Predicate<Map<String, Object>> recipientTypes(CmdletCall call) {
        List<String> types = call.strings("RecipientTypeDetails");
        if (types == null) {
            return record -> true;
        }
        Set<String> wanted = new HashSet<>();
        types.forEach(type -> {
            for (String part : type.split(",")) {
                wanted.add(part.strip().toLowerCase(Locale.ROOT));
            }
        });
        return record -> wanted.contains(
                String.valueOf(record.get("RecipientTypeDetails")).toLowerCase(Locale.ROOT));
    }

    /** Ambiguous name resolution: a prefix of the display name, alias, name or primary address. */
    private static Predicate<Map<String, Object>> anr(CmdletCall call) {
        String prefix = call.string("Anr");
        if (prefix == null) {
            return record -> true;
        }
        String wanted = prefix.strip().toLowerCase(Locale.ROOT);
        return record -> Stream.of("DisplayName", "Alias", "Name", "PrimarySmtpAddress")
                .anyMatch(name -> Objects.toString(record.get(name), "")
                        .toLowerCase(Locale.ROOT)
                        .startsWith(wanted));
    }

    static CmdletOutput setMailbox(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        String identity = call.requiredString("Identity");
        int index = Lookups.mailbox(tenant, identity);
        Map<String, Object> current = tenant.mailboxes().record(index, false);
        Map<String, Object> changes = new LinkedHashMap<>();
        boolean retyped = false;
        if (call.has("Type")) {
            MailboxKind kind = MailboxKind.ofTypeParameter(call.requiredString("Type"));
            if (kind == null) {
                throw AdminApiError.invalidParameterValue(
                        "Type",
                        call.string("Type"),
                        "Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType");
            }
            if (!kind.recipientTypeDetails().equals(current.get("RecipientTypeDetails"))) {
                tenant.mailboxes().changeKind(index, kind);
                retyped = true;
            }
        }
        for (String parameter : call.parameterNames()) {
            if (NOT_SETTINGS.contains(parameter.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String property = SETTABLE.stream()
                    .filter(parameter::equalsIgnoreCase)
                    .findFirst()
                    .orElseThrow();
            switch (property) {
                case "ForwardingSmtpAddress" -> {
                    String address = call.string(property);
                    changes.put(
                            property,
                            address == null || address.isBlank()
                                    ? null
                                    : "smtp:" + address.substring(address.indexOf(':') + 1));
                }
                case "ForwardingAddress" -> {
                    String target = call.string(property);
                    changes.put(
                            property,
                            target == null
                                    ? null
                                    : tenant.mailboxes()
                                            .record(Lookups.mailbox(tenant, target), true)
                                            .get("Name"));
                }
                case "PrimarySmtpAddress", "WindowsEmailAddress" ->
                    changes.putAll(primaryAddress(current, call.requiredString(property)));
                case "ResourceCapacity" -> changes.put(property, PropertyValues.coerce(call, property, 0));
                default -> changes.put(property, PropertyValues.coerce(call, property, current.get(property)));
            }
        }
        changes.entrySet().removeIf(change -> Objects.equals(change.getValue(), current.get(change.getKey())));
        if (!changes.isEmpty()) {
            tenant.mailboxes().change(index, changes);
        }
        CmdletOutput output = CmdletOutput.none();
        return changes.isEmpty() && !retyped
                ? output.withWarning(
                        "The command completed successfully but no settings of '" + identity + "' have been modified.")
                : output;
    }

    /** A new primary address: the old one stays as a secondary, the new one becomes SMTP: (capitals mean primary). */
    private static Map<String, Object> primaryAddress(Map<String, Object> current, String address) {
        String bare = address.substring(address.indexOf(':') + 1);
        List<String> addresses = new ArrayList<>();
        addresses.add("SMTP:" + bare);
        for (Object existing : (List<?>) current.get("EmailAddresses")) {
            String text = existing.toString();
            String existingBare = text.substring(text.indexOf(':') + 1);
            if (!existingBare.equalsIgnoreCase(bare)) {
                addresses.add(text.startsWith("SMTP:") ? "smtp:" + existingBare : text);
            }
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("PrimarySmtpAddress", bare);
        changes.put("WindowsEmailAddress", bare);
        changes.put("EmailAddresses", List.copyOf(addresses));
        return changes;
    }

    static CmdletOutput newMailbox(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        String name = call.requiredString("Name");
        MailboxKind kind = call.flag("Shared")
                ? MailboxKind.SHARED
                : call.flag("Room")
                        ? MailboxKind.ROOM
                        : call.flag("Equipment") ? MailboxKind.EQUIPMENT : MailboxKind.USER;
        String alias = call.string("Alias") != null
                ? call.string("Alias").strip()
                : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.\\-_]", "");
        String userPrincipalName = kind == MailboxKind.USER
                ? call.requiredString("MicrosoftOnlineServicesID").strip()
                : null;
        String password = null;
        if (kind == MailboxKind.USER) {
            password = checkedPassword(context, "Password", call.requiredString("Password"));
        } else if (kind == MailboxKind.ROOM && call.flag("EnableRoomMailboxAccount")) {
            password = checkedPassword(context, "RoomMailboxPassword", call.requiredString("RoomMailboxPassword"));
        }
        String primary = call.string("PrimarySmtpAddress") != null
                ? call.string("PrimarySmtpAddress").strip()
                : alias + "@" + tenant.smtpDomain();
        for (String taken : Stream.of(alias, primary, userPrincipalName)
                .filter(Objects::nonNull)
                .toList()) {
            int existing = tenant.mailboxes().find(taken);
            if (existing >= 0) {
                throw AdminApiError.badRequest(
                        "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
                        "The proxy address \"SMTP:"
                                + primary + "\" is already being used by the proxy addresses or LegacyExchangeDN of \""
                                + tenant.mailboxes().record(existing, true).get("Name")
                                + "\". Please choose another proxy address.");
            }
        }
        int index = tenant.mailboxes()
                .create(
                        kind,
                        name,
                        alias,
                        call.string("DisplayName") != null ? call.string("DisplayName") : name,
                        call.string("FirstName"),
                        call.string("LastName"),
                        userPrincipalName);
        if (!primary.equalsIgnoreCase(alias + "@" + tenant.smtpDomain())) {
            tenant.mailboxes().change(index, primaryAddress(tenant.mailboxes().record(index, false), primary));
        }
        if (password != null) {
            context.accounts().add(tenant, userPrincipalName != null ? userPrincipalName : primary, password);
        }
        return CmdletOutput.of(List.of(tenant.mailboxes().record(index, false)));
    }

    /**
     * Decrypts a SecureString parameter (docs/admin-api.md, "SecureString and PSCredential parameters") and applies the
     * directory's complexity rule.
     */
    private static String checkedPassword(CmdletContext context, String parameter, String encrypted) {
        String password = context.secureStrings().decrypt(parameter, encrypted);
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (password.length() < 8 || classes < 3) {
            throw AdminApiError.badRequest(
                    "Microsoft.Exchange.Data.Directory.ADInvalidPasswordException",
                    "Unable to update the password. "
                            + "The value provided for the new password does not meet the length, complexity, or history requirements of the domain.");
        }
        return password;
    }

    static CmdletOutput getMailboxStatistics(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        return CmdletOutput.of(
                List.of(tenant.mailboxes().statistics(Lookups.mailbox(tenant, call.requiredString("Identity")))));
    }

    static CmdletOutput getMailboxPermission(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        List<Map<String, Object>> entries =
                tenant.permissions().of(Lookups.mailbox(tenant, call.requiredString("Identity")));
        String user = call.string("User");
        if (user != null) {
            int userIndex = tenant.mailboxes().find(user);
            String userPrincipalName = userIndex >= 0
                    ? String.valueOf(tenant.mailboxes().record(userIndex, true).get("UserPrincipalName"))
                    : user;
            entries = entries.stream()
                    .filter(entry -> entry.get("User").toString().equalsIgnoreCase(user)
                            || entry.get("User").toString().equalsIgnoreCase(userPrincipalName))
                    .toList();
        }
        return CmdletOutput.of(entries);
    }

    static CmdletOutput addMailboxPermission(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        int index = Lookups.mailbox(tenant, call.requiredString("Identity"));
        int userIndex = Lookups.mailbox(tenant, call.requiredString("User"));
        List<String> rights = call.strings("AccessRights");
        if (rights == null || rights.isEmpty()) {
            throw AdminApiError.missingParameter("AccessRights");
        }
        List<String> canonical = new ArrayList<>();
        for (String given : rights) {
            for (String part : given.split(",")) {
                String right = ACCESS_RIGHTS.get(part.strip().toLowerCase(Locale.ROOT));
                if (right == null) {
                    throw AdminApiError.invalidParameterValue(
                            "AccessRights",
                            part.strip(),
                            "Microsoft.Exchange.Management.RecipientTasks.MailboxRights[]");
                }
                canonical.add(right);
            }
        }
        String inheritance = call.has("InheritanceType")
                ? PropertyValues.enumeration(
                        call,
                        "InheritanceType",
                        "System.DirectoryServices.ActiveDirectorySecurityInheritance",
                        List.of("None", "All", "Descendents", "SelfAndChildren", "Children"))
                : "All";
        String user = String.valueOf(tenant.mailboxes().record(userIndex, true).get("UserPrincipalName"));
        return CmdletOutput.of(
                List.of(tenant.permissions().add(index, user, userIndex, canonical, inheritance, call.flag("Deny"))));
    }

    static CmdletOutput getAutoReply(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        return CmdletOutput.of(
                List.of(tenant.autoReplies().of(Lookups.mailbox(tenant, call.requiredString("Identity")))));
    }

    static CmdletOutput setAutoReply(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        int index = Lookups.mailbox(tenant, call.requiredString("Identity"));
        Map<String, Object> current = tenant.autoReplies().of(index);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String parameter : call.parameterNames()) {
            String property = AUTO_REPLY_SETTABLE.stream()
                    .filter(parameter::equalsIgnoreCase)
                    .findFirst()
                    .orElse(null);
            if (property == null) {
                continue;
            }
            switch (property) {
                case "AutoReplyState" ->
                    changes.put(
                            property,
                            PropertyValues.enumeration(
                                    call,
                                    property,
                                    "Microsoft.Exchange.Data.Storage.Management.OofState",
                                    List.of("Disabled", "Enabled", "Scheduled")));
                case "ExternalAudience" ->
                    changes.put(
                            property,
                            PropertyValues.enumeration(
                                    call,
                                    property,
                                    "Microsoft.Exchange.Data.Storage.Management.ExternalAudience",
                                    List.of("None", "Known", "All")));
                default -> changes.put(property, PropertyValues.coerce(call, property, current.get(property)));
            }
        }
        tenant.autoReplies().change(index, changes);
        return CmdletOutput.none();
    }
}
