package io.camelexo.exchangeonline.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.adminapi.ExoService;
import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.auth.Credentials;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.auth.ExoAuthMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rules that tie the sign-in to a tenant and an authority, and the identity that decides session sharing, without Camel. */
class SessionSettingsTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private static Credentials clientSecret(String secret) {
        return new Credentials(
                null, "app", secret, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static SessionSettings settings(
            ExoService service,
            String organization,
            String delegatedOrganization,
            String authority,
            Credentials credentials) {
        return new SessionSettings(
                service,
                ExoEnvironment.O365Default,
                null,
                authority,
                organization,
                delegatedOrganization,
                credentials,
                null,
                null,
                CONNECT_TIMEOUT,
                null,
                null);
    }

    @Test
    void appOnlySignInNeedsTheOrganization() {
        assertThatThrownBy(() -> settings(ExoService.EXCHANGE, " ", null, null, clientSecret("s")))
                .hasMessageContaining("auth=clientSecret signs in app-only and needs organization");
        assertThat(settings(ExoService.EXCHANGE, " contoso.onmicrosoft.com ", null, null, clientSecret("s"))
                        .tenant())
                .isEqualTo("contoso.onmicrosoft.com");
    }

    @Test
    void aTokenProviderNeedsTheTenant() {
        ExoAccessTokenProvider provider = (scope, forceRefresh) -> new AccessToken("token", null);
        Credentials supplied = new Credentials(
                ExoAuthMethod.accessToken,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                provider,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> settings(ExoService.EXCHANGE, null, null, null, supplied))
                .hasMessage("auth=accessToken with accessTokenProvider needs organization");
        assertThat(settings(ExoService.EXCHANGE, null, "fabrikam.onmicrosoft.com", null, supplied)
                        .tenant())
                .isEqualTo("fabrikam.onmicrosoft.com");
    }

    @Test
    void securityAndComplianceForACustomerNeedsTheCustomersAuthority() {
        assertThatThrownBy(() -> settings(
                        ExoService.COMPLIANCE,
                        "contoso.onmicrosoft.com",
                        "fabrikam.onmicrosoft.com",
                        "",
                        clientSecret("s")))
                .hasMessageContaining("scc with delegatedOrganization needs azureADAuthorizationEndpointUri")
                .hasMessageContaining("https://login.microsoftonline.com/fabrikam.onmicrosoft.com");
    }

    @Test
    void sessionsAreSharedBySettingsWhoseSecretsEnterOnlyAsADigest() {
        SessionSettings first =
                settings(ExoService.EXCHANGE, "contoso.onmicrosoft.com", null, null, clientSecret("first-S3cret"));
        SessionSettings same =
                settings(ExoService.EXCHANGE, "contoso.onmicrosoft.com", null, null, clientSecret("first-S3cret"));
        SessionSettings otherSecret =
                settings(ExoService.EXCHANGE, "contoso.onmicrosoft.com", null, null, clientSecret("second-S3cret"));
        assertThat(first.key()).isEqualTo(same.key()).isNotEqualTo(otherSecret.key());
        assertThat(first.key().toString() + first).doesNotContain("S3cret");
    }
}
