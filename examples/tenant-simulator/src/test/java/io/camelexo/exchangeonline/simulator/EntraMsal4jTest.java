package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every sign-in the component makes, done by msal4j itself against the simulator's HTTPS Entra ID. */
class EntraMsal4jTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final Set<String> EXCHANGE = Set.of("https://outlook.office365.com/.default");
    private static final String MODULE_CLIENT = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

    /** 200 s: msal4j takes anything up to 300 s as expired, so silent calls must refresh. */
    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(TenantSimulator.builder()
            .mailboxes(20)
            .tokenLifetime(Duration.ofSeconds(200))
            .deviceCodeInterval(Duration.ofSeconds(1)));

    private static Path certificateDirectory;
    private static PrivateKey clientKey;
    private static X509Certificate clientCertificate;

    private final AdminApiHttp http = new AdminApiHttp();

    @BeforeAll
    static void makeClientCertificate() throws Exception {
        certificateDirectory = Files.createTempDirectory("simulator-client-cert");
        Path store = certificateDirectory.resolve("client.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "client",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=simulator-test-client",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0)
                .isTrue();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        clientKey = (PrivateKey) keyStore.getKey("client", "changeit".toCharArray());
        clientCertificate = (X509Certificate) keyStore.getCertificate("client");
    }

    @AfterAll
    static void deleteClientCertificate() throws Exception {
        try (Stream<Path> files = Files.walk(certificateDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private ConfidentialClientApplication confidential(String appId, IClientCredential credential) throws Exception {
        TenantSimulator sim = SIM.simulator();
        return ConfidentialClientApplication.builder(appId, credential)
                .authority(sim.authorityUrl(TENANT))
                .instanceDiscovery(false)
                .sslSocketFactory(sim.sslContext().getSocketFactory())
                .build();
    }

    private PublicClientApplication publicClient() throws Exception {
        TenantSimulator sim = SIM.simulator();
        return PublicClientApplication.builder(MODULE_CLIENT)
                .authority(sim.authorityUrl(TENANT))
                .instanceDiscovery(false)
                .aadInstanceDiscoveryResponse(sim.instanceDiscoveryMetadata(TENANT))
                .sslSocketFactory(sim.sslContext().getSocketFactory())
                .build();
    }

    private int getMailbox(String url, String token) {
        return http.invoke(url, TENANT, token, "Get-Mailbox", Map.of("ResultSize", 1))
                .status();
    }

    @Test
    void clientSecretTokensOpenExchangeAndComplianceWithTheirOwnAudience() throws Exception {
        TenantSimulator sim = SIM.simulator();
        AppCredentials app = sim.defaultApp(TENANT);
        ConfidentialClientApplication msal =
                confidential(app.appId(), ClientCredentialFactory.createFromSecret(app.clientSecret()));
        IAuthenticationResult exchange = msal.acquireToken(
                        ClientCredentialParameters.builder(EXCHANGE).build())
                .get();
        assertThat(getMailbox(sim.exchangeUrl(), exchange.accessToken())).isEqualTo(200);
        IAuthenticationResult compliance = msal.acquireToken(ClientCredentialParameters.builder(
                                Set.of("https://ps.compliance.protection.outlook.com/.default"))
                        .build())
                .get();
        assertThat(http.invoke(
                                sim.regionalComplianceUrl(),
                                TENANT,
                                compliance.accessToken(),
                                "Get-ComplianceSearch",
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(getMailbox(sim.exchangeUrl(), compliance.accessToken())).isEqualTo(401);
        JournalEntry tokenRequest =
                sim.journal().entries(SimulatedService.ENTRA_ID).get(0);
        assertThat(tokenRequest.body()).contains("client_secret=[redacted]").doesNotContain(app.clientSecret());
        assertThat(tokenRequest.appId()).isEqualTo(app.appId());
    }

    @Test
    void aWrongSecretIsInvalidClientWithADescription() throws Exception {
        ConfidentialClientApplication msal = confidential(
                SIM.simulator().defaultApp(TENANT).appId(), ClientCredentialFactory.createFromSecret("wrong"));
        assertThatThrownBy(() -> msal.acquireToken(
                                ClientCredentialParameters.builder(EXCHANGE).build())
                        .get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(MsalServiceException.class)
                .satisfies(e -> {
                    assertThat(((MsalServiceException) e).errorCode()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains("AADSTS7000215");
                });
    }

    @Test
    void aRegisteredCertificateSignsTheClientAssertion() throws Exception {
        TenantSimulator sim = SIM.simulator();
        String appId = "33333333-4444-5555-6666-777777777777";
        ConfidentialClientApplication msal =
                confidential(appId, ClientCredentialFactory.createFromCertificate(clientKey, clientCertificate));
        assertThatThrownBy(() -> msal.acquireToken(
                                ClientCredentialParameters.builder(EXCHANGE).build())
                        .get())
                .as("before registration the app is unknown")
                .hasCauseInstanceOf(MsalServiceException.class);
        sim.registerCertificate(TENANT, appId, clientCertificate);
        IAuthenticationResult result = msal.acquireToken(ClientCredentialParameters.builder(EXCHANGE)
                        .skipCache(true)
                        .build())
                .get();
        assertThat(getMailbox(sim.exchangeUrl(), result.accessToken())).isEqualTo(200);
        assertThat(sim.journal().cmdletCalls("Get-Mailbox").get(0).appId()).isEqualTo(appId);
    }

    @Test
    void deviceCodePollsWhilePendingUntilTheLoginIsCompleted() throws Exception {
        TenantSimulator sim = SIM.simulator();
        PublicClientApplication msal = publicClient();
        CompletableFuture<IAuthenticationResult> login = msal.acquireToken(DeviceCodeFlowParameters.builder(
                        EXCHANGE,
                        deviceCode -> CompletableFuture.runAsync(() -> {
                            awaitPendingPoll(sim);
                            sim.completeDeviceLogin(deviceCode.userCode());
                        }))
                .build());
        IAuthenticationResult result = login.get(2, TimeUnit.MINUTES);
        assertThat(result.account().username()).isEqualTo(sim.adminUser(TENANT).userPrincipalName());
        assertThat(getMailbox(sim.exchangeUrl(), result.accessToken())).isEqualTo(200);
        assertThat(sim.journal().entries(SimulatedService.EXCHANGE).get(0).user())
                .isEqualTo(sim.adminUser(TENANT).userPrincipalName());

        IAuthenticationResult refreshed = msal.acquireTokenSilently(
                        SilentParameters.builder(EXCHANGE, result.account()).build())
                .get();
        assertThat(refreshed.accessToken()).isNotEqualTo(result.accessToken());
        assertThat(sim.journal()
                        .entries(entry -> entry.service() == SimulatedService.ENTRA_ID
                                && entry.body().contains("grant_type=refresh_token")))
                .hasSize(1);
        assertThat(getMailbox(sim.exchangeUrl(), refreshed.accessToken())).isEqualTo(200);
    }

    /** Waits until msal4j has been told authorization_pending at least once. */
    private static void awaitPendingPoll(TenantSimulator sim) {
        try {
            sim.journal()
                    .await(
                            entry -> entry.service() == SimulatedService.ENTRA_ID
                                    && entry.status() == 400
                                    && entry.body().contains("grant_type=device_code"),
                            Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void passwordGrantLooksUpTheUserRealmFirst() throws Exception {
        TenantSimulator sim = SIM.simulator();
        UserCredentials admin = sim.adminUser(TENANT);
        IAuthenticationResult result = publicClient()
                .acquireToken(UserNamePasswordParameters.builder(
                                EXCHANGE,
                                admin.userPrincipalName(),
                                admin.password().toCharArray())
                        .build())
                .get();
        assertThat(getMailbox(sim.exchangeUrl(), result.accessToken())).isEqualTo(200);
        assertThat(sim.journal()
                        .entries(entry -> entry.url().startsWith("/common/userrealm/" + admin.userPrincipalName())))
                .hasSize(1);
        assertThatThrownBy(() -> publicClient()
                        .acquireToken(UserNamePasswordParameters.builder(
                                        EXCHANGE, admin.userPrincipalName(), "wrong".toCharArray())
                                .build())
                        .get())
                .hasMessageContaining("AADSTS50126");
    }

    @Test
    void clientCredentialsNeedADotDefaultScopeOfAKnownResource() throws Exception {
        TenantSimulator sim = SIM.simulator();
        AppCredentials app = sim.defaultApp(TENANT);
        HttpClient https = HttpClient.newBuilder().sslContext(sim.sslContext()).build();
        for (String scope :
                new String[] {"https://outlook.office365.com/Exchange.Manage", "https://graph.microsoft.com/.default"
                }) {
            HttpResponse<String> answer = https.send(
                    HttpRequest.newBuilder(URI.create(sim.tokenEndpoint(TENANT)))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                                    + app.appId() + "&client_secret=" + app.clientSecret() + "&scope="
                                    + URLEncoder.encode(scope + " openid", StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(AdminApiHttp.JSON
                            .readTree(answer.body())
                            .path("error_description")
                            .asText())
                    .startsWith("AADSTS");
        }
        HttpRequest plainHttp = HttpRequest.newBuilder(
                        URI.create(sim.tokenEndpoint(TENANT).replace("https://", "http://")))
                .GET()
                .build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(plainHttp, HttpResponse.BodyHandlers.ofString()))
                .as("Entra ID speaks HTTPS only")
                .isInstanceOf(IOException.class);
    }
}
