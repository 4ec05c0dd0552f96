package io.camelexo.exchangeonline.auth;

/** The sign-in methods ({@code auth} option); names follow the module's parameters. */
public enum ExoAuthMethod {
    /** App-only with a certificate (-CertificateFilePath / -Certificate). */
    certificate,
    /** App-only with a client secret (the module only accepts it through -AccessToken; the Admin API accepts it). */
    clientSecret,
    /** A token obtained elsewhere (-AccessToken), fixed or from a provider bean. */
    accessToken
}
