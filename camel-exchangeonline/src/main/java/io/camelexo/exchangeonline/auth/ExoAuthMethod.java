package io.camelexo.exchangeonline.auth;

/** The sign-in methods ({@code auth} option); names follow the module's parameters. */
public enum ExoAuthMethod {
    /** App-only with a certificate: PFX/P12 or PEM file, a key store entry by thumbprint, or a bean. */
    certificate(Kind.APP_ONLY, "certificateFilePath, certificateThumbprint or certificate"),
    /** App-only with a client secret (the module only accepts it through -AccessToken; the Admin API accepts it). */
    clientSecret(Kind.APP_ONLY, "clientSecret"),
    /** A token obtained elsewhere (-AccessToken), fixed or from a provider bean. */
    accessToken(Kind.SUPPLIED, "accessToken or accessTokenProvider"),
    /** The Azure resource's managed identity (-ManagedIdentity), system- or user-assigned. */
    managedIdentity(Kind.APP_ONLY, null),
    /** Device code flow (-Device): a person signs in on another device; for servers without a browser. */
    deviceCode(Kind.DELEGATED, null),
    /** User name and password (-Credential, ROPC): only for accounts without MFA. */
    credential(Kind.DELEGATED, "userPrincipalName and password"),
    /** Browser sign-in with a loopback redirect, for a developer's desktop. */
    interactive(Kind.DELEGATED, null);

    private enum Kind {
        APP_ONLY,
        SUPPLIED,
        DELEGATED
    }

    private final Kind kind;
    private final String needs;

    ExoAuthMethod(Kind kind, String needs) {
        this.kind = kind;
        this.needs = needs;
    }

    /** Signs in a user (delegated permissions) rather than the application itself. */
    public boolean isDelegated() {
        return kind == Kind.DELEGATED;
    }

    /** Signs in as the application itself, in the tenant that {@code organization} names. */
    public boolean isAppOnly() {
        return kind == Kind.APP_ONLY;
    }

    /** The options this method cannot do without (besides appId and organization), as a user reads them; null when none. */
    String needs() {
        return needs;
    }
}
