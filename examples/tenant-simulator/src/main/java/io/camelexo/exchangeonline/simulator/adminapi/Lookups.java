package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.IntSequence;
import io.camelexo.exchangeonline.simulator.tenant.NameRange;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** -Identity resolution and -Filter parsing shared by the cmdlets, failing the way the service fails. */
final class Lookups {

    private Lookups() {}

    static int mailbox(Tenant tenant, String identity) {
        int index = tenant.mailboxes().find(identity);
        if (index < 0) {
            throw AdminApiError.objectNotFound(identity, tenant.domainController());
        }
        return index;
    }

    static int group(Tenant tenant, String identity) {
        int index = tenant.groups().find(identity);
        if (index < 0) {
            throw AdminApiError.objectNotFound(identity, tenant.domainController());
        }
        return index;
    }

    /** The records whose Identity, Name, Guid or DomainName equals the identity; 404 if none does. */
    static List<Map<String, Object>> byIdentity(Tenant tenant, List<Map<String, Object>> records, String identity) {
        List<Map<String, Object>> found = records.stream()
                .filter(record -> Objects.toString(record.get("Identity"), "").equalsIgnoreCase(identity)
                        || Objects.toString(record.get("Name"), "").equalsIgnoreCase(identity)
                        || Objects.toString(record.get("Guid"), "").equalsIgnoreCase(identity)
                        || Objects.toString(record.get("DomainName"), "").equalsIgnoreCase(identity))
                .toList();
        if (found.isEmpty()) {
            throw AdminApiError.objectNotFound(identity, tenant.domainController());
        }
        return found;
    }

    /** The cmdlet's OPATH -Filter, or null without one. */
    static RecordFilter filter(CmdletCall call) {
        String text = call.string("Filter");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RecordFilter.parse(text);
        } catch (IllegalArgumentException e) {
            throw AdminApiError.badRequest(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"" + e.getMessage()
                            + "\"");
        }
    }

    /**
     * Every mailbox as a listing's positions, each made a record on demand; with a filter that bounds Name, only the
     * mailboxes whose Name can match (the tenant's Name index), so a page of a Name range costs about a page, not a
     * scan of the tenant. The caller still applies the filter.
     */
    static RecordSource mailboxes(Tenant tenant, RecordFilter filter, IntFunction<Map<String, Object>> record) {
        NameRange names = filter == null ? NameRange.ANY : filter.nameRange();
        if (names.isAny()) {
            return RecordSource.over(tenant.mailboxes().count(), position -> record.apply((int) position));
        }
        IntSequence candidates = tenant.mailboxes().byName(names);
        return RecordSource.over(candidates.size(), position -> record.apply(candidates.at((int) position)));
    }

    static Predicate<Map<String, Object>> orAll(RecordFilter filter) {
        return filter == null ? record -> true : filter;
    }
}
