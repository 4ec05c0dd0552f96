package io.camelexo.exchangeonline.simulator.adminapi;

import java.util.Locale;

/**
 * Which service runs a cmdlet, with the token audience (resource) its Admin API accepts
 * (docs/admin-api.md, "Sign-in: authorities and scopes").
 */
public enum Workload {
    EXCHANGE("https://outlook.office365.com"),
    COMPLIANCE("https://ps.compliance.protection.outlook.com");

    private final String resource;

    Workload(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }

    /** The workload whose resource this is (a trailing slash tolerated), or null. */
    public static Workload ofResource(String resource) {
        String wanted = resource.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        for (Workload workload : values()) {
            if (workload.resource.equals(wanted)) {
                return workload;
            }
        }
        return null;
    }
}
