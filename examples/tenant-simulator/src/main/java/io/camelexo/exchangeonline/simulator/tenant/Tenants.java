package io.camelexo.exchangeonline.simulator.tenant;

import java.util.List;
import java.util.Locale;

/** The simulator's tenants, found by id, initial domain or custom domain. */
public final class Tenants {

    private final List<Tenant> tenants;

    public Tenants(List<Tenant> tenants) {
        this.tenants = List.copyOf(tenants);
    }

    /** The tenant so named, or null. */
    public Tenant find(String name) {
        return tenants.stream()
                .filter(tenant -> tenant.isNamed(name))
                .findFirst()
                .orElse(null);
    }

    /** The tenant that owns the domain of a user principal name, or null. */
    public Tenant ofUser(String userPrincipalName) {
        String domain =
                userPrincipalName.substring(userPrincipalName.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return tenants.stream()
                .filter(tenant -> tenant.ownsDomain(domain))
                .findFirst()
                .orElse(null);
    }

    public List<Tenant> all() {
        return tenants;
    }
}
