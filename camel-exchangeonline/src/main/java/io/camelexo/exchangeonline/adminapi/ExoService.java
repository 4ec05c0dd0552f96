package io.camelexo.exchangeonline.adminapi;

/** The two services behind the Admin API: Exchange Online (also standalone EOP) and Security & Compliance. */
public enum ExoService {
    EXCHANGE("exo", "ExchangeOnline"),
    COMPLIANCE("scc", "ExchangeOnlineProtection");

    private final String scheme;
    private final String connectionNamePrefix;

    ExoService(String scheme, String connectionNamePrefix) {
        this.scheme = scheme;
        this.connectionNamePrefix = connectionNamePrefix;
    }

    /** The URI scheme of the service's component. */
    public String scheme() {
        return scheme;
    }

    /** The module's connection name prefix ({@code Get-ConnectionInformation}'s Name is prefix_n). */
    public String connectionNamePrefix() {
        return connectionNamePrefix;
    }

    public static ExoService forScheme(String scheme) {
        for (ExoService service : values()) {
            if (service.scheme.equalsIgnoreCase(scheme)) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown scheme " + scheme + ": expected exo or scc");
    }
}
