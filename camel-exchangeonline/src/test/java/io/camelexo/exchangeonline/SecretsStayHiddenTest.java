package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelexo.exchangeonline.auth.ExoDeviceCodeListener;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.FakeEntra;
import io.camelexo.exchangeonline.support.ProcessOutputCapture;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import io.camelexo.exchangeonline.support.TestKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sign-in method and every retry path, run with every logger at DEBUG (the component's, Camel's, msal4j's, the
 * JDK HttpClient's), and what the process printed, threw and shows as text searched for the secrets and the tokens.
 */
class SecretsStayHiddenTest extends SignInTestSupport {

    static {
        // read once, when the JDK's HttpClient classes load: before any test of this JVM creates a client. Every
        // category except "headers": that one prints each request's Authorization header (the README says so).
        System.setProperty("jdk.httpclient.HttpClient.log", "errors,requests,content,frames,ssl,trace,channel");
        System.setProperty("jdk.internal.httpclient.debug", "true");
    }

    static final String ADMIN = "admin@contoso.com";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String SCOPE = "https://outlook.office365.com/.default";

    static final String CLIENT_SECRET = "Sx8Q~client-secret-4f1";
    static final String WRONG_CLIENT_SECRET = "Sx8Q~wrong-secret-77a";
    static final String PFX_PASSWORD = "pfx-pass-93kq";
    static final String WRONG_PFX_PASSWORD = "pfx-wrong-pass-5tz";
    static final String PASSWORD = "P@ss&word+ropc-1";
    static final String WRONG_PASSWORD = "Wr0ng&P@ss+ropc-2";
    static final String DEVICE_CODE = "device-code-secret-8h2";
    static final String APP_TOKEN = "at-app-first-Lq7";
    static final String APP_TOKEN_REFRESHED = "at-app-refreshed-Lq8";
    static final String CERTIFICATE_TOKEN = "at-certificate-Lq9";
    static final String ROPC_TOKEN = userToken("ropc-first");
    static final String ROPC_TOKEN_REFRESHED = userToken("ropc-refreshed");
    static final String ROPC_REFRESH_TOKEN = "rt-ropc-first-Zk1";
    static final String ROPC_REFRESH_TOKEN_2 = "rt-ropc-second-Zk2";
    static final String DEVICE_TOKEN = userToken("device");
    static final String DEVICE_REFRESH_TOKEN = "rt-device-Zk3";
    static final String SUPPLIED_TOKEN =
            AdminApiWire.jwt(Map.of("tid", "tid-supplied", "exp", 4_102_444_800L, "jti", "supplied-Mn4"));

    @TempDir
    static Path keys;

    private static String userToken(String id) {
        return AdminApiWire.jwt(Map.of("upn", ADMIN, "tid", "tid-1", "exp", 4_102_444_800L, "jti", id));
    }

    private void stubEntra() {
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_secret=" + encoded(CLIENT_SECRET)))
                .inScenario("app")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("refreshed")
                .willReturn(tokenResponse(FakeEntra.tokenAnswer(APP_TOKEN, 3599))));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_secret=" + encoded(CLIENT_SECRET)))
                .inScenario("app")
                .whenScenarioStateIs("refreshed")
                .willReturn(tokenResponse(FakeEntra.tokenAnswer(APP_TOKEN_REFRESHED, 3599))));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_secret=" + encoded(WRONG_CLIENT_SECRET)))
                .willReturn(tokenResponse(FakeEntra.errorAnswer(
                                "invalid_client", "AADSTS7000215: Invalid client secret provided."))
                        .withStatus(401)));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_assertion="))
                .willReturn(tokenResponse(FakeEntra.tokenAnswer(CERTIFICATE_TOKEN, 3599))));

        ENTRA.server.stubFor(
                get(urlPathEqualTo("/common/userrealm/" + ADMIN))
                        .willReturn(
                                tokenResponse(
                                        "{\"ver\":\"1.0\",\"account_type\":\"Managed\",\"domain_name\":\"contoso.onmicrosoft.com\","
                                                + "\"cloud_instance_name\":\"microsoftonline.com\",\"cloud_audience_urn\":\"urn:federation:MicrosoftOnline\"}")));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("password=" + encoded(PASSWORD)))
                .willReturn(
                        tokenResponse(FakeEntra.userTokenAnswer(ROPC_TOKEN, ROPC_REFRESH_TOKEN, 3599, ADMIN, SCOPE))));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("password=" + encoded(WRONG_PASSWORD)))
                .willReturn(tokenResponse(FakeEntra.errorAnswer(
                                "invalid_grant",
                                "AADSTS50126: Error validating credentials due to invalid username or password."))
                        .withStatus(400)));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + ROPC_REFRESH_TOKEN))
                .willReturn(tokenResponse(
                        FakeEntra.userTokenAnswer(ROPC_TOKEN_REFRESHED, ROPC_REFRESH_TOKEN_2, 3599, ADMIN, SCOPE))));

        ENTRA.server.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/devicecode"))
                .willReturn(tokenResponse("{\"user_code\":\"FAKE-CODE\",\"device_code\":\"" + DEVICE_CODE
                        + "\",\"verification_uri\":\"https://microsoft.com/devicelogin\","
                        + "\"expires_in\":900,\"interval\":0,\"message\":\"To sign in, enter the code FAKE-CODE.\"}")));
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=device_code"))
                .willReturn(tokenResponse(
                        FakeEntra.userTokenAnswer(DEVICE_TOKEN, DEVICE_REFRESH_TOKEN, 3599, ADMIN, SCOPE))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenResponse(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** 200 by default; the first token expires after one call; Get-Recipient meets a 503, Get-User a 429, Set-Mailbox a 500. */
    private void stubExchange() {
        String ok = page(mailboxes(0, 1), null, List.of());
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ok)));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN))
                .inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("expired")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ok)));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN))
                .inScenario("expiry")
                .whenScenarioStateIs("expired")
                .willReturn(
                        aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + ROPC_TOKEN))
                .willReturn(
                        aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .atPriority(2)
                .withRequestBody(containing("\"Get-Recipient\""))
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Service Unavailable</body></html>")));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .atPriority(2)
                .withRequestBody(containing("\"Get-User\""))
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "0.01")
                        .withHeader("Content-Type", "application/json")
                        .withBody(AdminApiWire.error("TooManyRequests", "Too many requests", "System.Exception"))));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .atPriority(2)
                .withRequestBody(containing("\"Set-Mailbox\""))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AdminApiWire.error(
                                "InternalServerError",
                                "|Microsoft.Exchange.Data.StoreTransientException|The mailbox "
                                        + "database is temporarily unavailable.",
                                "Microsoft.Exchange.Data.StoreTransientException"))));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String delegatedUri(String cmdlet, String options) {
        return "exo:" + cmdlet + "?organization=" + TENANT + "&connectionUri=" + EXO.baseUrl()
                + "&identityHttpClient=#entra&" + options;
    }

    /** The printed stack trace of what the action threw: messages and causes. */
    private static String failureOf(ThrowingCallable action) {
        Throwable failure = catchThrowable(action);
        assertThat(failure).isNotNull();
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void noSecretOrTokenInAnyLogOutputExceptionOrToString() throws Exception {
        stubEntra();
        stubExchange();
        context.getRegistry().bind("quietDeviceLogin", (ExoDeviceCodeListener) (userCode, uri, message) -> {});
        Path pfx = TestKeys.keyPair(keys, "app", PFX_PASSWORD, "CN=secrets-app", null, 365);
        String secretOptions = "clientSecret=RAW(" + CLIENT_SECRET + ")";
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();

        try (ProcessOutputCapture output = ProcessOutputCapture.start()) {
            // client secret: a call, a 401 answered by a new token, a 503 and a 429 retried, a write failing with a 500
            for (String cmdlet : List.of("Get-Mailbox", "Get-Mailbox", "Get-Recipient", "Get-User")) {
                assertThat(template.requestBody(exoUri("exo", cmdlet, secretOptions), null, List.class))
                        .hasSize(1);
            }
            failures.add(failureOf(() -> template.requestBody(
                    exoUri("exo", "Set-Mailbox", secretOptions + "&Identity=anna&Type=Shared"), null, List.class)));
            // certificate with a PFX password given without RAW()
            template.requestBody(
                    exoUri("exo", "Get-Mailbox", "certificateFilePath=" + pfx + "&certificatePassword=" + PFX_PASSWORD),
                    null,
                    List.class);
            // user name and password; the first token is refused and the refresh token gets a new one
            template.requestBody(
                    delegatedUri("Get-Mailbox", "userPrincipalName=" + ADMIN + "&password=RAW(" + PASSWORD + ")"),
                    null,
                    List.class);
            template.requestBody(
                    delegatedUri("Get-Mailbox", "auth=deviceCode&deviceCodeListener=#quietDeviceLogin"),
                    null,
                    List.class);
            template.requestBody(
                    "exo:Get-Mailbox?organization=" + TENANT + "&connectionUri=" + EXO.baseUrl() + "&accessToken=RAW("
                            + SUPPLIED_TOKEN + ")",
                    null,
                    List.class);
            // failed sign-ins
            failures.add(startFailure(exoUri("exo", "Get-Mailbox", "clientSecret=RAW(" + WRONG_CLIENT_SECRET + ")")));
            failures.add(startFailure(exoUri(
                    "exo",
                    "Get-Mailbox",
                    "certificateFilePath=" + pfx + "&certificatePassword=RAW(" + WRONG_PFX_PASSWORD + ")")));
            failures.add(startFailure(delegatedUri(
                    "Get-Mailbox", "userPrincipalName=" + ADMIN + "&password=RAW(" + WRONG_PASSWORD + ")")));
            // endpoints refused at creation: a misspelt option, two credentials at once, a value of the wrong type
            for (String refused : List.of(
                    secretOptions + "&pageSise=10",
                    secretOptions + "&userPrincipalName=" + ADMIN + "&password=RAW(" + PASSWORD + ")",
                    secretOptions + "&certificatePassword=" + PFX_PASSWORD + "&pageSize=many")) {
                failures.add(failureOf(() -> context.getEndpoint(exoUri("exo", "Get-Mailbox", refused))));
            }

            int index = 0;
            for (Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof ExoEndpoint exo) {
                    String name = "endpoint " + ++index;
                    texts.put(name + " toString()", exo + " " + exo.getEndpointUri() + " " + exo.getEndpointKey());
                    texts.put(name + " configuration", String.valueOf(exo.getConfiguration()));
                    texts.put(
                            name + " session",
                            exo.getSession() + " "
                                    + (exo.getSession() != null
                                            ? exo.getSession().connectionInformation() + " "
                                                    + exo.getSession().signInFailure()
                                            : ""));
                }
            }
            texts.putAll(output.channels());
        }
        for (int i = 0; i < failures.size(); i++) {
            texts.put("failure " + (i + 1), failures.get(i));
        }

        // the run took the paths it should have, and the loggers were really on
        assertThat(formValue(
                        entraRequests(TOKEN_PATH).stream()
                                .filter(r -> r.getBodyAsString().contains("client_secret"))
                                .findFirst()
                                .orElseThrow(),
                        "client_secret"))
                .isEqualTo(CLIENT_SECRET);
        assertThat(exchangeRequests())
                .extracting(r -> r.getHeader("Authorization"))
                .contains(
                        "Bearer " + APP_TOKEN_REFRESHED,
                        "Bearer " + CERTIFICATE_TOKEN,
                        "Bearer " + ROPC_TOKEN_REFRESHED,
                        "Bearer " + DEVICE_TOKEN,
                        "Bearer " + SUPPLIED_TOKEN);
        assertThat(failures).hasSize(7);
        assertThat(failures.get(0)).contains("StoreTransientException");
        assertThat(failures.get(1)).contains("AADSTS7000215");
        assertThat(failures.get(2)).contains("certificatePassword");
        assertThat(failures.get(3)).contains("AADSTS50126");
        assertThat(failures.get(4)).contains("Unknown option", "pageSise");
        assertThat(failures.get(5)).contains("Give one credential");
        assertThat(failures.get(6)).contains("pageSize");
        assertThat(texts.get("log4j2"))
                .contains("com.microsoft.aad.msal4j", "io.camelexo.exchangeonline", "got HTTP 401", "will be retried");
        assertThat(texts.get("java.util.logging")).contains("jdk.httpclient.HttpClient");
        assertThat(texts.get("System.err")).contains("HttpClientImpl");
        assertThat(texts.values())
                .as("sessions print their settings and credentials")
                .anyMatch(text -> text.contains("Credentials["));

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("client secret", CLIENT_SECRET);
        secrets.put("wrong client secret", WRONG_CLIENT_SECRET);
        secrets.put("PFX password", PFX_PASSWORD);
        secrets.put("wrong PFX password", WRONG_PFX_PASSWORD);
        secrets.put("password", PASSWORD);
        secrets.put("wrong password", WRONG_PASSWORD);
        secrets.put("device code", DEVICE_CODE);
        secrets.put("app token", APP_TOKEN);
        secrets.put("refreshed app token", APP_TOKEN_REFRESHED);
        secrets.put("certificate token", CERTIFICATE_TOKEN);
        secrets.put("user token", ROPC_TOKEN);
        secrets.put("refreshed user token", ROPC_TOKEN_REFRESHED);
        secrets.put("refresh token", ROPC_REFRESH_TOKEN);
        secrets.put("second refresh token", ROPC_REFRESH_TOKEN_2);
        secrets.put("device login token", DEVICE_TOKEN);
        secrets.put("device login refresh token", DEVICE_REFRESH_TOKEN);
        secrets.put("supplied access token", SUPPLIED_TOKEN);
        String assertion = formValue(
                entraRequests(TOKEN_PATH).stream()
                        .filter(r -> r.getBodyAsString().contains("client_assertion="))
                        .findFirst()
                        .orElseThrow(),
                "client_assertion");
        secrets.put("signed client assertion", assertion);

        List<String> leaks = new ArrayList<>();
        secrets.forEach((secret, value) -> texts.forEach((where, text) -> {
            for (String form : List.of(value, encoded(value))) {
                int at = text.indexOf(form);
                if (at >= 0) {
                    leaks.add(secret + " in " + where + ": ..."
                            + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + form.length() + 40)));
                }
            }
        }));
        assertThat(leaks).isEmpty();
    }
}
