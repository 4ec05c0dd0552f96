package io.camelexo.exchangeonline.auth;

/** The sign-in methods ({@code auth} option); names follow the module's parameters. */
public enum ExoAuthMethod {
    /** App-only with a certificate: PFX/P12 or PEM file, a key store entry by thumbprint, or a bean. */
    certificate(false),
    /** App-only with a client secret (the module only accepts it through -AccessToken; the Admin API accepts it). */
    clientSecret(false),
    /** A token obtained elsewhere (-AccessToken), fixed or from a provider bean. */
    accessToken(false),
    /** The Azure resource's managed identity (-ManagedIdentity), system- or user-assigned. */
    managedIdentity(false),
    /** Device code flow (-Device): a person signs in on another device; for servers without a browser. */
    deviceCode(true),
    /** User name and password (-Credential, ROPC): only for accounts without MFA. */
    credential(true),
    /** Browser sign-in with a loopback redirect, for a developer's desktop. */
    interactive(true);

    private final boolean delegated;

    ExoAuthMethod(boolean delegated) {
        this.delegated = delegated;
    }

    /** Signs in a user (delegated permissions) rather than the application itself. */
    public boolean isDelegated() {
        return delegated;
    }
}
