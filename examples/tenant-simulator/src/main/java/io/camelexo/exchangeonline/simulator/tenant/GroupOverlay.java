package io.camelexo.exchangeonline.simulator.tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Distribution groups: the generated ones of {@link GroupRecords} with the membership changes of Add-/Remove-DistributionGroupMember. */
public final class GroupOverlay {

    private final Tenant tenant;
    private final int count;
    private final Map<Integer, Set<Integer>> addedMembers = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Integer>> removedMembers = new ConcurrentHashMap<>();

    GroupOverlay(Tenant tenant, int count) {
        this.tenant = tenant;
        this.count = count;
    }

    public int count() {
        return count;
    }

    public Map<String, Object> record(int group) {
        return GroupRecords.record(tenant, group, tenant.adminUserPrincipalName());
    }

    /** The group's index, or -1: by name/alias/address/DN or GUID. */
    public int find(String identity) {
        String wanted = identity.strip();
        for (long candidate : Identities.candidates(tenant.seed(), wanted, GroupRecords.GUID_KIND)) {
            if (candidate >= 0 && candidate < count && Identities.matches(record((int) candidate), wanted)) {
                return (int) candidate;
            }
        }
        return -1;
    }

    /** Mailbox indexes of the group's members, ascending. */
    public List<Integer> members(int group) {
        TreeSet<Integer> members = new TreeSet<>();
        for (int member :
                GroupRecords.generatedMembers(tenant, group, tenant.mailboxes().generated())) {
            members.add(member);
        }
        members.addAll(addedMembers.getOrDefault(group, Set.of()));
        members.removeAll(removedMembers.getOrDefault(group, Set.of()));
        return new ArrayList<>(members);
    }

    /** False if the mailbox already is a member. */
    public synchronized boolean addMember(int group, int mailbox) {
        if (members(group).contains(mailbox)) {
            return false;
        }
        removedMembers.getOrDefault(group, Collections.emptySet()).remove(mailbox);
        addedMembers.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(mailbox);
        return true;
    }

    /** False if the mailbox is no member. */
    public synchronized boolean removeMember(int group, int mailbox) {
        if (!members(group).contains(mailbox)) {
            return false;
        }
        addedMembers.getOrDefault(group, Collections.emptySet()).remove(mailbox);
        removedMembers
                .computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet())
                .add(mailbox);
        return true;
    }
}
