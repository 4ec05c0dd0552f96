package io.camelexo.exchangeonline.adminapi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The clouds of {@code -ExchangeEnvironmentName}: the one table of hosts, authorities and token resources.
 * Nothing else in the code base names a Microsoft host. Where each value comes from, and which are not confirmed
 * (DoD SCC, China, Germany), is in docs/admin-api.md, "Hosts and clouds"; each is a single literal here, and
 * {@code connectionUri} / {@code azureADAuthorizationEndpointUri} override them per endpoint.
 */
public enum ExoEnvironment {
    O365Default(
            "login.microsoftonline.com",
            "outlook.office365.com",
            "https://outlook.office365.com",
            "ps.compliance.protection.outlook.com",
            "https://ps.compliance.protection.outlook.com",
            Set.of("login.windows.net", "login.microsoft.com", "sts.windows.net")),

    O365USGovGCCHigh(
            "login.microsoftonline.us",
            "outlook.office365.us",
            "https://outlook.office365.us",
            "ps.compliance.protection.office365.us",
            "https://ps.compliance.protection.office365.us",
            Set.of("login.usgovcloudapi.net")),

    // Exchange host as the Admin API documentation lists it; the SCC host is the one the SCC connect page names, not
    // confirmed.
    O365USGovDoD(
            "login.microsoftonline.us",
            "outlook-dod.office365.us",
            "https://outlook-dod.office365.us",
            "l5.ps.compliance.protection.office365.us",
            "https://ps.compliance.protection.office365.us",
            Set.of("login.usgovcloudapi.net")),

    // Retired Microsoft Cloud Deutschland, not confirmed; hosts follow the documented Remote PowerShell endpoints.
    O365GermanyCloud(
            "login.microsoftonline.de",
            "outlook.office.de",
            "https://outlook.office.de",
            "ps.compliance.protection.outlook.de",
            "https://ps.compliance.protection.outlook.de",
            Set.of()),

    // 21Vianet, not confirmed (the Admin API documentation lists outlook.office365.cn instead); msal4j maps
    // login.chinacloudapi.cn to login.partner.microsoftonline.cn itself.
    O365China(
            "login.chinacloudapi.cn",
            "partner.outlook.cn",
            "https://partner.outlook.cn",
            "ps.compliance.protection.partner.outlook.cn",
            "https://ps.compliance.protection.partner.outlook.cn",
            Set.of("login.partner.microsoftonline.cn"));

    private final String authorityHost;
    private final String exchangeHost;
    private final String exchangeResource;
    private final String complianceHost;
    private final String complianceResource;
    private final Set<String> authorityAliases;

    /** @param authorityAliases other names msal4j knows for the authority host */
    ExoEnvironment(
            String authorityHost,
            String exchangeHost,
            String exchangeResource,
            String complianceHost,
            String complianceResource,
            Set<String> authorityAliases) {
        this.authorityHost = authorityHost;
        this.exchangeHost = exchangeHost;
        this.exchangeResource = exchangeResource;
        this.complianceHost = complianceHost;
        this.complianceResource = complianceResource;
        this.authorityAliases = authorityAliases;
    }

    /** Whether a host is some cloud's login host, by its own name or one of msal4j's aliases of it. */
    public static boolean isMicrosoftLoginHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .anyMatch(env -> env.authorityHost.equals(name) || env.authorityAliases.contains(name));
    }

    /** Host of the Entra ID authority that issues tokens in this cloud. */
    public String authorityHost() {
        return authorityHost;
    }

    /** Host that serves the service's Admin API (for SCC: the front door that redirects to a regional host). */
    public String serviceHost(ExoService service) {
        return service == ExoService.COMPLIANCE ? complianceHost : exchangeHost;
    }

    /** Token resource (audience) of the service; the scope is this plus {@code /.default}. */
    public String tokenResource(ExoService service) {
        return service == ExoService.COMPLIANCE ? complianceResource : exchangeResource;
    }
}
