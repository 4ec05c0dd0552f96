package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Distribution groups and their membership. */
final class GroupCmdlets {

    private GroupCmdlets() {}

    static CmdletOutput getDistributionGroup(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        if (call.has("Identity")) {
            return CmdletOutput.of(
                    List.of(tenant.groups().record(Lookups.group(tenant, call.requiredString("Identity")))));
        }
        RecordFilter filter = Lookups.filter(call);
        Predicate<Map<String, Object>> matches = Lookups.orAll(filter);
        Predicate<Map<String, Object>> types = MailboxCmdlets.recipientTypes(call);
        // -Filter "Members -eq '<DN>'": the one-call way to find a recipient's groups; membership is not a record
        // property
        boolean byMembers = filter != null && filter.properties().stream().anyMatch("Members"::equalsIgnoreCase);
        return CmdletOutput.of(RecordSource.over(tenant.groups().count(), position -> {
            Map<String, Object> group = tenant.groups().record((int) position);
            Map<String, Object> tested = byMembers ? withMemberNames(tenant, (int) position, group) : group;
            return types.test(group) && matches.test(tested) ? group : null;
        }));
    }

    private static Map<String, Object> withMemberNames(Tenant tenant, int group, Map<String, Object> record) {
        Map<String, Object> tested = new LinkedHashMap<>(record);
        tested.put(
                "Members",
                tenant.groups().members(group).stream()
                        .map(member -> tenant.mailboxes().record(member, true).get("DistinguishedName"))
                        .toList());
        return tested;
    }

    static CmdletOutput getDistributionGroupMember(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        List<Integer> members = tenant.groups().members(Lookups.group(tenant, call.requiredString("Identity")));
        return CmdletOutput.of(RecordSource.over(
                members.size(), position -> tenant.mailboxes().recipient(members.get((int) position))));
    }

    static CmdletOutput addDistributionGroupMember(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        String groupIdentity = call.requiredString("Identity");
        String memberIdentity = call.requiredString("Member");
        int group = Lookups.group(tenant, groupIdentity);
        if (!tenant.groups().addMember(group, Lookups.mailbox(tenant, memberIdentity))) {
            throw AdminApiError.badRequest(
                    "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
                    "The recipient \"" + memberIdentity + "\" is already a member of the group \"" + name(tenant, group)
                            + "\".");
        }
        return CmdletOutput.none();
    }

    static CmdletOutput removeDistributionGroupMember(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        String memberIdentity = call.requiredString("Member");
        int group = Lookups.group(tenant, call.requiredString("Identity"));
        if (!tenant.groups().removeMember(group, Lookups.mailbox(tenant, memberIdentity))) {
            throw AdminApiError.badRequest(
                    "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
                    "The recipient \"" + memberIdentity + "\" isn't a member of the group \"" + name(tenant, group)
                            + "\".");
        }
        return CmdletOutput.none();
    }

    private static Object name(Tenant tenant, int group) {
        Map<String, Object> record = tenant.groups().record(group);
        return record.get("Name");
    }
}
