package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import io.camelexo.exchangeonline.auth.Credentials;
import io.camelexo.exchangeonline.auth.ExoDeviceCodeListener;
import io.camelexo.exchangeonline.session.ExoSession;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.FakeEntra;
import io.camelexo.exchangeonline.support.LogCapture;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delegated sign-in as an admin: device code (with a persistent cache), user name and password, browser. */
class DelegatedSignInTest extends SignInTestSupport {

    static final String ADMIN = "admin@contoso.com";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String SCOPE = "https://outlook.office365.com/.default";

    @TempDir
    Path dir;

    /** An access token with the admin's claims, so that the anchor and Get-ConnectionInformation show the user. */
    static String adminToken(String id) {
        return AdminApiWire.jwt(Map.of("upn", ADMIN, "tid", "tid-1", "exp", 4_102_444_800L, "jti", id));
    }

    /** Delegated endpoint without appId: the module's public client must be used. */
    static String delegatedUri(String cmdlet, String options) {
        return "exo:" + cmdlet + "?organization=" + TENANT + "&connectionUri=" + EXO.baseUrl()
                + "&identityHttpClient=#entra&" + options;
    }

    private static void stubDeviceCodeFlow(String accessToken, int expiresIn) {
        ENTRA.server.stubFor(
                post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/devicecode"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"user_code\":\"FAKE-CODE\",\"device_code\":\"dev-code-123\","
                                                        + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":0,"
                                                        + "\"message\":\"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FAKE-CODE.\"}")));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=device_code"))
                .inScenario("device")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.errorAnswer(
                                "authorization_pending",
                                "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.")))
                .willSetStateTo("approved"));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=device_code"))
                .inScenario("device")
                .whenScenarioStateIs("approved")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.userTokenAnswer(accessToken, "rt-1", expiresIn, ADMIN, SCOPE))));
    }

    private static List<String> grants() {
        return entraRequests(TOKEN_PATH).stream()
                .map(r -> formValue(r, "grant_type"))
                .toList();
    }

    @Test
    void deviceCodeReachesLogAndListenerWhileTheSessionWaitsThenSurvivesARestart() throws Exception {
        stubDeviceCodeFlow(adminToken("device-1"), 3599);
        stubExchange(page(mailboxes(0, 1), null, List.of()));
        Path cache = dir.resolve("cache/exo-tokens.json");
        List<String> codes = new ArrayList<>();
        List<String> pendingWhileWaiting = new ArrayList<>();
        ExoComponent exo = context.getComponent("exo", ExoComponent.class);
        context.getRegistry().bind("devicePrompt", (ExoDeviceCodeListener) (userCode, uri, message) -> {
            codes.add(userCode + " " + uri);
            exo.sessions().sessions().stream().map(ExoSession::pendingSignIn).forEach(pendingWhileWaiting::add);
        });
        String uri = delegatedUri(
                "Get-Mailbox",
                "auth=deviceCode&userPrincipalName=" + ADMIN + "&deviceCodeListener=#devicePrompt" + "&tokenCacheFile="
                        + cache);

        try (LogCapture logs = LogCapture.capture(Level.WARN)) {
            assertThat(template.requestBody(uri, null, List.class)).hasSize(1);
            assertThat(logs.lines()).anyMatch(line -> line.contains("enter the code FAKE-CODE"));
        }
        assertThat(codes).containsExactly("FAKE-CODE https://microsoft.com/devicelogin");
        assertThat(pendingWhileWaiting)
                .containsExactly("waiting for device login: enter code FAKE-CODE at https://microsoft.com/devicelogin");
        assertThat(exo.sessions().sessions())
                .allSatisfy(session -> assertThat(session.pendingSignIn()).isNull());
        LoggedRequest deviceCode =
                entraRequests("/" + TENANT + "/oauth2/v2.0/devicecode").get(0);
        assertThat(formValue(deviceCode, "client_id")).isEqualTo(Credentials.MODULE_PUBLIC_CLIENT_ID);
        assertThat(Set.of(formValue(deviceCode, "scope").split(" "))).contains(SCOPE);
        assertThat(grants()).containsExactly("device_code", "device_code");
        LoggedRequest call = exchangeRequests().get(0);
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + adminToken("device-1"));
        assertThat(call.getHeader("X-AnchorMailbox")).isEqualTo("UPN:" + ADMIN);

        template.requestBody(uri, null, List.class);
        assertThat(grants()).hasSize(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(cache)).contains("RefreshToken");

        // stopping keeps the cache file; a restarted application finds the account in it and needs no new device code
        context.stop();
        assertThat(cache).exists();
        ENTRA.server.resetRequests();
        try (DefaultCamelContext restarted = new DefaultCamelContext()) {
            restarted.getRegistry().bind("entra", ENTRA.router());
            restarted.getRegistry().bind("devicePrompt", (ExoDeviceCodeListener)
                    (userCode, u, message) -> codes.add("again"));
            restarted.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:after-restart").to(uri);
                    from("direct:disconnect").to(uri.replace("Get-Mailbox", "Disconnect-ExchangeOnline"));
                }
            });
            restarted.start();
            assertThat(restarted.createProducerTemplate().requestBody("direct:after-restart", null, List.class))
                    .hasSize(1);
            assertThat(cache).exists();
            restarted.createProducerTemplate().requestBody("direct:disconnect", (Object) null);
            assertThat(cache).doesNotExist();
        }
        assertThat(codes).hasSize(1);
        assertThat(entraRequests("/" + TENANT + "/oauth2/v2.0/devicecode")).isEmpty();
    }

    @Test
    void aDeviceLoginThatWaitsForAPersonHoldsUpNoOtherTenant() throws Exception {
        stubDeviceCodeFlow(adminToken("waiting"), 3599);
        java.util.concurrent.CountDownLatch codeShown = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch personSignsIn = new java.util.concurrent.CountDownLatch(1);
        context.getRegistry().bind("slowPerson", (ExoDeviceCodeListener) (userCode, uri, message) -> {
            codeShown.countDown();
            try {
                personSignsIn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<Object> deviceLogin = CompletableFuture.supplyAsync(() -> template.requestBody(
                delegatedUri(
                        "Get-ConnectionInformation",
                        "auth=deviceCode&outputType=Single&deviceCodeListener=#slowPerson"),
                null,
                Map.class));
        assertThat(codeShown.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // bounded: with a manager that signs in under its lock, this call would wait for the person
        Map<?, ?> otherTenant = CompletableFuture.supplyAsync(() -> template.requestBody(
                        "exo:Get-ConnectionInformation?outputType=Single&organization=fabrikam.onmicrosoft.com&accessToken="
                                + AdminApiWire.appToken("tid-fabrikam"),
                        null,
                        Map.class))
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(otherTenant.get("State")).isEqualTo("Connected");
        assertThat(deviceLogin).isNotDone();

        personSignsIn.countDown();
        assertThat(((Map<?, ?>) deviceLogin.get(20, java.util.concurrent.TimeUnit.SECONDS)).get("UserPrincipalName"))
                .isEqualTo(ADMIN);
    }

    @Test
    void anExpiredUserTokenIsRefreshedSilentlyWithTheRefreshToken() {
        stubDeviceCodeFlow(adminToken("short-lived"), 200);
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.userTokenAnswer(adminToken("refreshed"), "rt-2", 3599, ADMIN, SCOPE))));
        stubExchange(page(mailboxes(0, 1), null, List.of()));
        context.getRegistry().bind("quiet", (ExoDeviceCodeListener) (userCode, uri, message) -> {});
        String uri = delegatedUri("Get-Mailbox", "auth=deviceCode&deviceCodeListener=#quiet");
        template.requestBody(uri, null, List.class);
        template.requestBody(uri, null, List.class);
        // the sign-in at route start got a token with 200 s left: inside the refresh margin, so it is never sent
        assertThat(grants()).containsExactly("device_code", "device_code", "refresh_token");
        assertThat(formValue(entraRequests(TOKEN_PATH).get(2), "refresh_token")).isEqualTo("rt-1");
        assertThat(exchangeRequests())
                .extracting(r -> r.getHeader("Authorization"))
                .containsOnly("Bearer " + adminToken("refreshed"));
    }

    @Test
    void userNameAndPassword() {
        ENTRA.server.stubFor(
                get(urlPathEqualTo("/common/userrealm/" + ADMIN))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"ver\":\"1.0\",\"account_type\":\"Managed\",\"domain_name\":\"contoso.onmicrosoft.com\","
                                                        + "\"cloud_instance_name\":\"microsoftonline.com\",\"cloud_audience_urn\":\"urn:federation:MicrosoftOnline\"}")));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=password"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.userTokenAnswer(adminToken("ropc"), "rt-ropc", 3599, ADMIN, SCOPE))));
        stubExchange(page(mailboxes(0, 1), null, List.of()));
        template.requestBody(
                delegatedUri("Get-Mailbox", "userPrincipalName=" + ADMIN + "&password=RAW(P@ss&word+1)"),
                null,
                List.class);
        LoggedRequest token = entraRequests(TOKEN_PATH).get(0);
        assertThat(formValue(token, "username")).isEqualTo(ADMIN);
        assertThat(formValue(token, "password")).isEqualTo("P@ss&word+1");
        assertThat(formValue(token, "client_id")).isEqualTo(Credentials.MODULE_PUBLIC_CLIENT_ID);
        assertThat(exchangeRequests().get(0).getHeader("X-AnchorMailbox")).isEqualTo("UPN:" + ADMIN);
    }

    @Test
    void aWrongPasswordFailsTheStartWithTheAadstsCodeAndTheSecretsStayOutOfLogs() {
        ENTRA.server.stubFor(
                get(urlPathEqualTo("/common/userrealm/" + ADMIN))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"ver\":\"1.0\",\"account_type\":\"Managed\",\"domain_name\":\"contoso.onmicrosoft.com\"}")));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.errorAnswer(
                                "invalid_grant",
                                "AADSTS50126: Error validating credentials due to invalid username or password."))));
        String password = "Wr0ng-P@ssword!";
        try (LogCapture logs = LogCapture.capture(Level.DEBUG)) {
            String failure = startFailure(
                    delegatedUri("Get-Mailbox", "userPrincipalName=" + ADMIN + "&password=RAW(" + password + ")"));
            assertThat(failure)
                    .contains("AADSTS50126", "user name or password is wrong")
                    .doesNotContain(password);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(password));
        }
        assertThat(formValue(entraRequests(TOKEN_PATH).get(0), "password")).isEqualTo(password);
    }

    @Test
    void browserSignInWithPkce() throws Exception {
        Map<String, String> authorize = new HashMap<>();
        HttpClient browser = HttpClient.newHttpClient();
        context.getRegistry().bind("browser", (OpenBrowserAction) url -> {
            for (String pair : url.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                authorize.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            // the person signs in; Entra posts the code back to the loopback redirect (response_mode=form_post)
            CompletableFuture.runAsync(() -> {
                try {
                    browser.send(
                            HttpRequest.newBuilder(URI.create(authorize.get("redirect_uri")))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "code=auth-code-1&state=" + authorize.get("state")))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        });
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.userTokenAnswer(adminToken("browser"), "rt-b", 3599, ADMIN, SCOPE))));
        stubExchange(page(mailboxes(0, 1), null, List.of()));

        template.requestBody(
                delegatedUri(
                        "Get-Mailbox", "auth=interactive&userPrincipalName=" + ADMIN + "&openBrowserAction=#browser"),
                null,
                List.class);
        assertThat(authorize)
                .containsEntry("login_hint", ADMIN)
                .containsEntry("client_id", Credentials.MODULE_PUBLIC_CLIENT_ID)
                .containsEntry("code_challenge_method", "S256");
        assertThat(authorize.get("redirect_uri")).startsWith("http://localhost:");
        LoggedRequest token = entraRequests(TOKEN_PATH).get(0);
        assertThat(formValue(token, "code")).isEqualTo("auth-code-1");
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(formValue(token, "code_verifier").getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge).isEqualTo(authorize.get("code_challenge"));
        assertThat(exchangeRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer " + adminToken("browser"));
    }
}
