package io.camelexo.exchangeonline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sign-in rules: which method a set of options means, and which sets are refused, without Camel. */
class CredentialsTest {

    /** Credentials from option name and value, as an endpoint's options give them. */
    private static Credentials credentials(ExoAuthMethod auth, Object... namesAndValues) {
        Map<String, Object> o = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            o.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Credentials(
                auth,
                (String) o.get("appId"),
                (String) o.get("clientSecret"),
                (String) o.get("certificateFilePath"),
                (String) o.get("certificatePassword"),
                (String) o.get("certificateThumbprint"),
                (KeyStore.PrivateKeyEntry) o.get("certificate"),
                (String) o.get("accessToken"),
                (ExoAccessTokenProvider) o.get("accessTokenProvider"),
                (String) o.get("managedIdentityAccountId"),
                (String) o.get("userPrincipalName"),
                (String) o.get("password"),
                (ExoDeviceCodeListener) o.get("deviceCodeListener"),
                (OpenBrowserAction) o.get("openBrowserAction"),
                (Duration) o.get("signInTimeout"),
                (String) o.get("tokenCacheFile"));
    }

    private static final ExoAccessTokenProvider PROVIDER = (scope, forceRefresh) -> new AccessToken("token", null);

    @Test
    void withoutAuthTheOnlyCredentialGivenNamesTheMethod() {
        assertThat(credentials(null, "appId", "app", "clientSecret", "s").method())
                .isEqualTo(ExoAuthMethod.clientSecret);
        assertThat(credentials(null, "appId", "app", "certificateFilePath", "/keys/app.pfx")
                        .method())
                .isEqualTo(ExoAuthMethod.certificate);
        assertThat(credentials(null, "appId", "app", "certificateThumbprint", "AB12")
                        .method())
                .isEqualTo(ExoAuthMethod.certificate);
        assertThat(credentials(null, "accessToken", "t").method()).isEqualTo(ExoAuthMethod.accessToken);
        assertThat(credentials(null, "accessTokenProvider", PROVIDER).method()).isEqualTo(ExoAuthMethod.accessToken);
        assertThat(credentials(null, "userPrincipalName", "admin@contoso.com", "password", "p")
                        .method())
                .isEqualTo(ExoAuthMethod.credential);
    }

    @Test
    void anEmptyValueCountsAsNotGiven() {
        // accessToken= next to a default accessTokenProvider: the provider is the one credential
        Credentials cleared =
                credentials(null, "accessToken", "", "accessTokenProvider", PROVIDER, "clientSecret", " ");
        assertThat(cleared.method()).isEqualTo(ExoAuthMethod.accessToken);
        assertThat(cleared.accessToken()).isNull();
        assertThat(cleared.clientSecret()).isNull();
        assertThat(cleared.accessTokenProvider()).isSameAs(PROVIDER);
    }

    @Test
    void identifiersLoseSurroundingSpaceSecretsKeepIt() {
        Credentials pasted =
                credentials(null, "appId", " app\n", "userPrincipalName", " anna@contoso.com ", "password", " P4ss ");
        assertThat(pasted.appId()).isEqualTo("app");
        assertThat(pasted.userPrincipalName()).isEqualTo("anna@contoso.com");
        assertThat(pasted.password()).isEqualTo(" P4ss ");
    }

    @Test
    void moreThanOneCredentialIsRefusedNamingThem() {
        assertThatThrownBy(() -> credentials(null, "appId", "app", "clientSecret", "s", "accessToken", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Give one credential, not clientSecret and accessToken at once");
        assertThatThrownBy(() ->
                        credentials(ExoAuthMethod.accessToken, "accessToken", "t", "accessTokenProvider", PROVIDER))
                .hasMessage("Give one credential, not accessToken and accessTokenProvider at once");
    }

    @Test
    void noCredentialAndNoAuthIsRefusedListingTheMethods() {
        assertThatThrownBy(() -> credentials(null, "appId", "app"))
                .hasMessageContaining("No credential")
                .hasMessageContaining("certificate, clientSecret, accessToken, managedIdentity");
    }

    @Test
    void aCredentialOfAnotherMethodIsRefused() {
        assertThatThrownBy(() -> credentials(ExoAuthMethod.clientSecret, "appId", "app", "accessToken", "t"))
                .hasMessage("auth=clientSecret needs clientSecret, not accessToken");
        assertThatThrownBy(() -> credentials(ExoAuthMethod.deviceCode, "password", "p"))
                .hasMessage("auth=deviceCode does not use password");
    }

    @Test
    void whatTheMethodNeedsMustBeThere() {
        assertThatThrownBy(() -> credentials(ExoAuthMethod.certificate, "appId", "app"))
                .hasMessage("auth=certificate needs certificateFilePath, certificateThumbprint or certificate");
        assertThatThrownBy(() -> credentials(ExoAuthMethod.credential, "password", "p"))
                .hasMessage("auth=credential needs userPrincipalName and password");
        assertThatThrownBy(() -> credentials(null, "clientSecret", "s"))
                .hasMessageContaining("auth=clientSecret needs appId");
        assertThatThrownBy(() -> credentials(ExoAuthMethod.managedIdentity, "tokenCacheFile", "/tmp/cache.json"))
                .hasMessageContaining("tokenCacheFile keeps delegated sign-ins")
                .hasMessageContaining("not auth=managedIdentity");
        assertThatThrownBy(() -> credentials(ExoAuthMethod.deviceCode, "signInTimeout", Duration.ZERO))
                .hasMessageContaining("signInTimeout must be more than 0");
    }

    @Test
    void delegatedSignInUsesTheModulesPublicClientUnlessAnAppIsGiven() {
        assertThat(credentials(ExoAuthMethod.deviceCode).appId()).isEqualTo(Credentials.MODULE_PUBLIC_CLIENT_ID);
        assertThat(credentials(ExoAuthMethod.interactive, "appId", " ").appId())
                .isEqualTo(Credentials.MODULE_PUBLIC_CLIENT_ID);
        assertThat(credentials(ExoAuthMethod.deviceCode, "appId", "own-app").appId())
                .isEqualTo("own-app");
        assertThat(credentials(ExoAuthMethod.managedIdentity).appId()).isNull();
    }

    @Test
    void secretsStayOutOfToStringAndIdentityAndStillTellCredentialsApart() {
        Credentials one = credentials(null, "appId", "app", "clientSecret", "first-S3cret");
        Credentials other = credentials(null, "appId", "app", "clientSecret", "second-S3cret");
        for (Credentials c : new Credentials[] {
            one, other, credentials(null, "userPrincipalName", "a@contoso.com", "password", "P4ss")
        }) {
            assertThat(c.toString() + c.identity()).doesNotContain("S3cret", "P4ss");
        }
        assertThat(one)
                .isEqualTo(credentials(null, "appId", "app", "clientSecret", "first-S3cret"))
                .isNotEqualTo(other);
    }

    @Test
    void aMissingSecretAndTheTextNullAreDifferentCredentials() {
        Credentials withoutPassword = credentials(null, "appId", "app", "certificateFilePath", "app.pfx");
        Credentials passwordNull =
                credentials(null, "appId", "app", "certificateFilePath", "app.pfx", "certificatePassword", "null");
        assertThat(passwordNull).isNotEqualTo(withoutPassword);
        assertThat(passwordNull.identity()).isNotEqualTo(withoutPassword.identity());
    }

    @Test
    void suppliedBeansCountByIdentity() {
        ExoAccessTokenProvider twin = (scope, forceRefresh) -> new AccessToken("token", null);
        assertThat(credentials(null, "accessTokenProvider", PROVIDER))
                .isEqualTo(credentials(null, "accessTokenProvider", PROVIDER))
                .isNotEqualTo(credentials(null, "accessTokenProvider", twin));
    }
}
