package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.SimulatorClock;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The cmdlets the simulator runs, each with its workload and the parameters it accepts. */
final class Cmdlets {

    /** Accepted by every cmdlet (PowerShell's common parameters the module passes through). */
    private static final List<String> COMMON =
            List.of("ErrorAction", "WarningAction", "InformationAction", "Confirm", "Verbose", "Debug", "WhatIf");

    /**
     * Cmdlets the service routes to the mailbox's own server, which the module never sends in a $batch
     * (docs/admin-api.md, "$batch"); matched by name, so a batch refuses them even where the simulator does not run
     * them.
     */
    private static final Set<String> NOT_BATCHABLE = caseInsensitive(List.of(
            "Get-MailboxPermission", "Get-MailboxFolderStatistics", "Get-MobileDeviceStatistics", "Get-InboxRule"));
    /** Every verb of these nouns is mailbox-routed as well. */
    private static final Set<String> NOT_BATCHABLE_NOUNS = caseInsensitive(List.of("FocusedInbox", "Clutter"));

    @FunctionalInterface
    interface Handler {
        CmdletOutput run(CmdletCall call, CmdletContext context);
    }

    record Definition(String name, Workload workload, Set<String> parameters, Handler handler) {

        /** @throws AdminApiError ParameterBindingException for the first parameter the cmdlet does not have */
        void checkParameters(CmdletCall call) {
            for (String name : call.parameterNames()) {
                if (!parameters.contains(name)) {
                    throw AdminApiError.parameterNotFound(name);
                }
            }
        }
    }

    private final Map<String, Definition> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** @param clock the time audit events become searchable by and message trace queries are counted in */
    Cmdlets(SimulatorClock clock) {
        Workload exo = Workload.EXCHANGE;
        List<String> listing = List.of("Identity", "ResultSize", "RecipientTypeDetails", "Filter", "Anr");
        register("Get-Mailbox", exo, MailboxCmdlets::getMailbox, listing);
        register("Get-Recipient", exo, MailboxCmdlets::getRecipient, listing);
        register(
                "Set-Mailbox",
                exo,
                MailboxCmdlets::setMailbox,
                concat(List.of("Identity", "Type"), MailboxCmdlets.SETTABLE));
        register(
                "New-Mailbox",
                exo,
                MailboxCmdlets::newMailbox,
                List.of(
                        "Name",
                        "DisplayName",
                        "Alias",
                        "FirstName",
                        "LastName",
                        "MicrosoftOnlineServicesID",
                        "PrimarySmtpAddress",
                        "Password",
                        "ResetPasswordOnNextLogon",
                        "Shared",
                        "Room",
                        "Equipment",
                        "EnableRoomMailboxAccount",
                        "RoomMailboxPassword"));
        register("Get-MailboxStatistics", exo, MailboxCmdlets::getMailboxStatistics, "Identity");
        register("Get-MailboxPermission", exo, MailboxCmdlets::getMailboxPermission, "Identity", "User", "ResultSize");
        register(
                "Add-MailboxPermission",
                exo,
                MailboxCmdlets::addMailboxPermission,
                List.of("Identity", "User", "AccessRights", "InheritanceType", "AutoMapping", "Deny"));
        register("Get-MailboxAutoReplyConfiguration", exo, MailboxCmdlets::getAutoReply, "Identity");
        register(
                "Set-MailboxAutoReplyConfiguration",
                exo,
                MailboxCmdlets::setAutoReply,
                concat(List.of("Identity"), MailboxCmdlets.AUTO_REPLY_SETTABLE));
        register(
                "Get-DistributionGroup",
                exo,
                GroupCmdlets::getDistributionGroup,
                "Identity",
                "ResultSize",
                "Filter",
                "RecipientTypeDetails");
        register(
                "Get-DistributionGroupMember", exo, GroupCmdlets::getDistributionGroupMember, "Identity", "ResultSize");
        register(
                "Add-DistributionGroupMember",
                exo,
                GroupCmdlets::addDistributionGroupMember,
                List.of("Identity", "Member", "BypassSecurityGroupManagerCheck"));
        register(
                "Remove-DistributionGroupMember",
                exo,
                GroupCmdlets::removeDistributionGroupMember,
                List.of("Identity", "Member", "BypassSecurityGroupManagerCheck"));
        register(
                "Get-MobileDevice", exo, DeviceCmdlets::getMobileDevice, "Identity", "Mailbox", "ResultSize", "Filter");
        register("Remove-MobileDevice", exo, DeviceCmdlets::removeMobileDevice, List.of("Identity"));
        register(
                "Search-UnifiedAuditLog",
                exo,
                new AuditSearch(clock)::run,
                List.of(
                        "StartDate",
                        "EndDate",
                        "RecordType",
                        "Operations",
                        "UserIds",
                        "ObjectIds",
                        "IPAddresses",
                        "FreeText",
                        "ResultSize",
                        "SessionId",
                        "SessionCommand",
                        "Formatted",
                        "HighCompleteness"));
        register(
                "Get-MessageTrace",
                exo,
                (call, context) -> {
                    throw AdminApiError.retiredMessageTrace("Get-MessageTrace", "Get-MessageTraceV2");
                },
                List.of(
                        "StartDate",
                        "EndDate",
                        "PageSize",
                        "Page",
                        "SenderAddress",
                        "RecipientAddress",
                        "MessageId",
                        "MessageTraceId",
                        "Status",
                        "FromIP",
                        "ToIP"));
        register(
                "Get-MessageTraceDetail",
                exo,
                (call, context) -> {
                    throw AdminApiError.retiredMessageTrace("Get-MessageTraceDetail", "Get-MessageTraceDetailV2");
                },
                List.of(
                        "MessageTraceId",
                        "RecipientAddress",
                        "MessageId",
                        "SenderAddress",
                        "StartDate",
                        "EndDate",
                        "Action",
                        "Event"));
        register(
                "Get-MessageTraceV2",
                exo,
                new MessageTraceSearch(clock)::run,
                List.of(
                        "StartDate",
                        "EndDate",
                        "ResultSize",
                        "StartingRecipientAddress",
                        "SenderAddress",
                        "RecipientAddress",
                        "MessageId",
                        "MessageTraceId",
                        "Status",
                        "Subject",
                        "SubjectFilterType",
                        "FromIP",
                        "ToIP"));
        register("Get-AcceptedDomain", exo, ConfigurationCmdlets::getAcceptedDomain, "Identity");
        register("Get-OrganizationConfig", exo, ConfigurationCmdlets::getOrganizationConfig, "Identity");
        register("Get-TransportRule", exo, ConfigurationCmdlets::getTransportRule, "Identity", "ResultSize", "State");
        register(
                "Get-RetentionCompliancePolicy",
                Workload.COMPLIANCE,
                ConfigurationCmdlets::getRetentionCompliancePolicy,
                "Identity",
                "DistributionDetail",
                "ExcludeTeamsPolicy",
                "RetentionRuleTypes");
        register(
                "Get-ComplianceSearch",
                Workload.COMPLIANCE,
                ConfigurationCmdlets::getComplianceSearch,
                "Identity",
                "ResultSize",
                "Case");
    }

    /** Whether the cmdlet may run as an item of a $batch. */
    static boolean batchable(String cmdlet) {
        return !NOT_BATCHABLE.contains(cmdlet)
                && !NOT_BATCHABLE_NOUNS.contains(cmdlet.substring(cmdlet.indexOf('-') + 1));
    }

    /** The definition, or null if no workload has such a cmdlet. */
    Definition find(String cmdlet) {
        return byName.get(cmdlet);
    }

    /** Cmdlet names of one workload, for EXOModuleFile's exportedCmdlets. */
    List<String> names(Workload workload) {
        return byName.values().stream()
                .filter(definition -> definition.workload() == workload)
                .map(Definition::name)
                .toList();
    }

    private void register(String name, Workload workload, Handler handler, String... parameters) {
        register(name, workload, handler, List.of(parameters));
    }

    private void register(String name, Workload workload, Handler handler, List<String> parameters) {
        byName.put(
                name.toLowerCase(Locale.ROOT),
                new Definition(name, workload, caseInsensitive(concat(parameters, COMMON)), handler));
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return Collections.unmodifiableSet(set);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
