package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.List;
import java.util.Map;

/** The tenant's configuration objects: accepted domains, organization config, transport rules (EOP), SCC policies and searches. */
final class ConfigurationCmdlets {

    private ConfigurationCmdlets() {}

    static CmdletOutput getAcceptedDomain(CmdletCall call, CmdletContext context) {
        return identityOrAll(call, context.tenant(), context.tenant().acceptedDomains());
    }

    static CmdletOutput getOrganizationConfig(CmdletCall call, CmdletContext context) {
        return CmdletOutput.of(List.of(context.tenant().organizationConfig()));
    }

    static CmdletOutput getTransportRule(CmdletCall call, CmdletContext context) {
        List<Map<String, Object>> rules = context.tenant().transportRules();
        String state = call.string("State");
        if (state != null) {
            rules = rules.stream()
                    .filter(rule -> rule.get("State").toString().equalsIgnoreCase(state))
                    .toList();
        }
        return identityOrAll(call, context.tenant(), rules);
    }

    static CmdletOutput getRetentionCompliancePolicy(CmdletCall call, CmdletContext context) {
        return identityOrAll(call, context.tenant(), context.tenant().retentionCompliancePolicies());
    }

    static CmdletOutput getComplianceSearch(CmdletCall call, CmdletContext context) {
        return identityOrAll(call, context.tenant(), context.tenant().complianceSearches());
    }

    private static CmdletOutput identityOrAll(CmdletCall call, Tenant tenant, List<Map<String, Object>> records) {
        String identity = call.string("Identity");
        return CmdletOutput.of(identity == null ? records : Lookups.byIdentity(tenant, records, identity));
    }
}
