package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.auth.AccessToken;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.LogCapture;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Endpoint creation: option validation, the cloud table, SCC regional pinning, and secrets kept out of URIs and logs. */
class ExoEndpointOptionsTest extends CamelTestSupport {

    static final String TOKEN = AdminApiWire.appToken("8a3b2c1d-0000-4000-8000-00000000abcd");

    private String failureOf(String uri) {
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(
                ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        return thrown.getCause() != null ? thrown.getCause().getMessage() : thrown.getMessage();
    }

    @Test
    void invalidOptionsFailEndpointCreationNamingTheOption() {
        String token = "&accessToken=" + TOKEN;
        assertThat(failureOf("exo:Get-Mailbox?environment=Moon" + token))
                .contains(
                        "environment",
                        "Moon",
                        "O365Default, O365USGovGCCHigh, O365USGovDoD, O365GermanyCloud, O365China");
        assertThat(failureOf("exo:Get-Mailbox?pageSize=0" + token))
                .contains("pageSize must be between 1 and 1000, got 0");
        assertThat(failureOf("exo:Get-Mailbox?pageSize=1001" + token))
                .contains("pageSize must be between 1 and 1000, got 1001");
        assertThat(failureOf("exo:Get-Mailbox?prefetchPages=5" + token))
                .contains("prefetchPages must be between 0 and 4, got 5");
        assertThat(failureOf("exo:Get-Mailbox?prefetchPages=-1" + token))
                .contains("prefetchPages must be between 0 and 4, got -1");
        assertThat(failureOf("exo:Set-Mailbox?bulk=true&batchSize=11" + token))
                .contains("batchSize must be between 1 and 10, got 11");
        assertThat(failureOf("exo:Get-Mailbox?parallelPaging=65&ResultSize=Unlimited" + token))
                .contains("parallelPaging must be between 1 and 64, got 65");
        assertThat(failureOf("exo:Get-Mailbox?maxConcurrentRequests=0" + token))
                .contains("maxConcurrentRequests must be 1 or more, got 0");
        assertThat(failureOf("exo:Get-Mailbox?appId=a&organization=o&clientSecret=s" + token))
                .contains("not clientSecret and accessToken at once");
        assertThat(failureOf("scc:Get-RetentionCompliancePolicy?appId=a&clientSecret=s"))
                .contains("auth=clientSecret signs in app-only and needs organization");
        assertThat(failureOf("exo:Get-Mailbox?auth=certificate&appId=a&organization=o" + token))
                .contains("auth=certificate needs certificateFilePath");
        assertThat(failureOf("exo:Get-Mailbox?resultSize=Unlimited" + token))
                .contains("Unknown option(s) [resultSize]", "PascalCase (ResultSize=Unlimited)", "parameters.<Name>");
        assertThat(failureOf("exo:Get-Mailbox")).contains("No credential");
        assertThat(failureOf("exo:Get-Mailbox?outputType=Table" + token))
                .contains("outputType", "List, Stream, Single");
        assertThat(failureOf("exo:Get-Mailbox?maxRetries=-1" + token)).contains("maxRetries must be 0 or more, got -1");
        assertThat(failureOf("exo:Get-Mailbox?requestTimeout=0" + token))
                .contains("requestTimeout must be more than 0");
        assertThat(failureOf("exo:Get-Mailbox?connectTimeout=0" + token))
                .contains("connectTimeout must be more than 0");
        assertThat(failureOf("exo:Get-Mailbox?proxyHost=proxy.contoso.com" + token))
                .contains("proxyHost and proxyPort go together");
        assertThat(failureOf("exo:Get-Mailbox?proxyHost=proxy.contoso.com&proxyPort=0" + token))
                .contains("proxyPort must be between 1 and 65535");
    }

    @Test
    void anEmptyOptionClearsAComponentDefaultForItsEndpointOnlyAndTheOptionsStayAsWritten() {
        ExoConfiguration defaults =
                context.getComponent("exo", ExoComponent.class).getConfiguration();
        defaults.setOrganization("contoso.onmicrosoft.com");
        defaults.setAccessToken(TOKEN);
        String providerTenant = "5c4d3e2f-0000-4000-8000-00000000beef";
        AtomicInteger asked = new AtomicInteger();
        context.getRegistry().bind("tokens", (ExoAccessTokenProvider) (scope, forceRefresh) -> {
            asked.incrementAndGet();
            return AccessToken.of(AdminApiWire.appToken(providerTenant));
        });

        // accessToken= clears the component's token for this endpoint, so that its provider is the only credential
        ExoEndpoint cleared = context.getEndpoint(
                "exo:Get-ConnectionInformation?outputType=Single&accessToken=&accessTokenProvider=#tokens",
                ExoEndpoint.class);
        ExoEndpoint withDefaults =
                context.getEndpoint("exo:Get-ConnectionInformation?outputType=Single", ExoEndpoint.class);

        assertThat(template.requestBody(cleared, null, Map.class).get("TenantID"))
                .isEqualTo(providerTenant);
        assertThat(asked).hasPositiveValue();
        assertThat(template.requestBody(withDefaults, null, Map.class).get("TenantID"))
                .isEqualTo("8a3b2c1d-0000-4000-8000-00000000abcd");
        assertThat(cleared.getConfiguration().getAccessToken()).isEmpty();
        assertThat(withDefaults.getConfiguration().getAccessToken()).isEqualTo(TOKEN);
        assertThat(defaults.getAccessToken()).isEqualTo(TOKEN);
        assertThat(defaults.getAccessTokenProvider()).isNull();
    }

    @Test
    void cmdletParametersComeFromPascalCaseAndPrefixedOptions() {
        ExoEndpoint endpoint = context.getEndpoint(
                "exo:Get-Mailbox?accessToken=" + TOKEN
                        + "&ResultSize=Unlimited&parameters.recipientTypeDetails=SharedMailbox&pageSize=10",
                ExoEndpoint.class);
        assertThat(endpoint.uriParameters())
                .containsEntry("ResultSize", "Unlimited")
                .containsEntry("recipientTypeDetails", "SharedMailbox")
                .hasSize(2);
        assertThat(endpoint.getConfiguration().getPageSize()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "O365Default,      exo, https://outlook.office365.com,                       https://login.microsoftonline.com/contoso.onmicrosoft.com, https://outlook.office365.com/.default",
        "O365Default,      scc, https://ps.compliance.protection.outlook.com,        https://login.microsoftonline.com/contoso.onmicrosoft.com, https://ps.compliance.protection.outlook.com/.default",
        "O365USGovGCCHigh, exo, https://outlook.office365.us,                        https://login.microsoftonline.us/contoso.onmicrosoft.com,  https://outlook.office365.us/.default",
        "O365USGovGCCHigh, scc, https://ps.compliance.protection.office365.us,       https://login.microsoftonline.us/contoso.onmicrosoft.com,  https://ps.compliance.protection.office365.us/.default",
        "O365USGovDoD,     exo, https://outlook-dod.office365.us,                    https://login.microsoftonline.us/contoso.onmicrosoft.com,  https://outlook-dod.office365.us/.default",
        "O365USGovDoD,     scc, https://l5.ps.compliance.protection.office365.us,    https://login.microsoftonline.us/contoso.onmicrosoft.com,  https://ps.compliance.protection.office365.us/.default",
        "O365GermanyCloud, exo, https://outlook.office.de,                           https://login.microsoftonline.de/contoso.onmicrosoft.com,  https://outlook.office.de/.default",
        "O365GermanyCloud, scc, https://ps.compliance.protection.outlook.de,         https://login.microsoftonline.de/contoso.onmicrosoft.com,  https://ps.compliance.protection.outlook.de/.default",
        "O365China,        exo, https://partner.outlook.cn,                          https://login.chinacloudapi.cn/contoso.onmicrosoft.com,    https://partner.outlook.cn/.default",
        "O365China,        scc, https://ps.compliance.protection.partner.outlook.cn, https://login.chinacloudapi.cn/contoso.onmicrosoft.com,    https://ps.compliance.protection.partner.outlook.cn/.default"
    })
    void connectionInformationShowsTheCloudTable(
            String environment, String scheme, String connectionUri, String authority, String scope) {
        Map<?, ?> info = template.requestBody(
                scheme + ":Get-ConnectionInformation?outputType=Single&organization=contoso.onmicrosoft.com"
                        + "&environment=" + environment + "&accessToken=" + TOKEN,
                null,
                Map.class);
        assertThat(info.get("ConnectionUri")).isEqualTo(connectionUri);
        assertThat(info.get("AzureAdAuthorizationEndpointUri")).isEqualTo(authority);
        assertThat(info.get("TokenScope")).isEqualTo(scope);
        assertThat(info.get("Environment"))
                .isEqualTo(ExoEnvironment.valueOf(environment).name());
        assertThat(info.get("IsEopSession")).isEqualTo(scheme.equals("scc"));
        assertThat(info.get("Name"))
                .asString()
                .startsWith(scheme.equals("scc") ? "ExchangeOnlineProtection_" : "ExchangeOnline_");
    }

    @Test
    void endpointsWithTheSameTlsSettingsShareTheirSession() {
        context.getRegistry().bind("tls", new org.apache.camel.support.jsse.SSLContextParameters());
        String common = "?outputType=Single&organization=contoso.onmicrosoft.com&sslContextParameters=#tls&accessToken="
                + TOKEN;
        Object viaInfo = template.requestBody("exo:Get-ConnectionInformation" + common, null, Map.class)
                .get("ConnectionId");
        Object viaOtherEndpoint = template.requestBody(
                        "exo:Get-ConnectionInformation" + common + "&pageSize=10", null, Map.class)
                .get("ConnectionId");
        assertThat(viaOtherEndpoint).isEqualTo(viaInfo);
    }

    @Test
    void connectionUriAndAuthorityOverridesWin() {
        Map<?, ?> info = template.requestBody(
                "exo:Get-ConnectionInformation?outputType=Single&organization=contoso.onmicrosoft.com"
                        + "&connectionUri=https://eur02.outlook.office365.com/powershell-liveid/"
                        + "&azureADAuthorizationEndpointUri=https://login.microsoftonline.com/adatum.onmicrosoft.com&accessToken="
                        + TOKEN,
                null,
                Map.class);
        assertThat(info.get("ConnectionUri")).isEqualTo("https://eur02.outlook.office365.com");
        assertThat(info.get("AzureAdAuthorizationEndpointUri"))
                .isEqualTo("https://login.microsoftonline.com/adatum.onmicrosoft.com");
    }

    @Test
    void sccPinsTheRegionalHostFromTheFrontDoorRedirect() throws Exception {
        WireMockServer frontDoor =
                new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        WireMockServer regional =
                new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        frontDoor.start();
        regional.start();
        try {
            String path = "/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand";
            frontDoor.stubFor(post(urlPathEqualTo(path))
                    .willReturn(aResponse().withStatus(302).withHeader("Location", regional.baseUrl() + path)));
            regional.stubFor(post(urlPathEqualTo(path))
                    .willReturn(aResponse()
                            .withBody(AdminApiWire.page(
                                    java.util.List.of(
                                            AdminApiWire.JSON.createObjectNode().put("Name", "Retain 7 years")),
                                    null,
                                    java.util.List.of()))));
            String uri = "scc:Get-RetentionCompliancePolicy?organization=contoso.onmicrosoft.com&connectionUri="
                    + frontDoor.baseUrl() + "&accessToken=" + TOKEN;
            assertThat(template.requestBody(uri, null, java.util.List.class)).hasSize(1);
            assertThat(template.requestBody(uri, null, java.util.List.class)).hasSize(1);
            frontDoor.verify(1, postRequestedFor(urlPathEqualTo(path)));
            regional.verify(2, postRequestedFor(urlPathEqualTo(path)));
            assertThat(regional.findAll(postRequestedFor(urlPathEqualTo(path)))
                            .get(0)
                            .getBodyAsString())
                    .contains("Get-RetentionCompliancePolicy");
            Map<?, ?> info = template.requestBody(
                    "scc:Get-ConnectionInformation?outputType=Single&organization=contoso.onmicrosoft.com&connectionUri="
                            + frontDoor.baseUrl() + "&accessToken=" + TOKEN,
                    null,
                    Map.class);
            assertThat(info.get("ConnectionUri")).isEqualTo(regional.baseUrl());
        } finally {
            frontDoor.stop();
            regional.stop();
        }
    }

    @Test
    void secretsStayOutOfUrisExceptionsAndLogs() throws Exception {
        String secret = "S3cr3t~Value.With+Chars";
        String password = "pfx-P4ssword";
        // DEBUG for every logger: Camel's own DefaultComponent prints endpoint parameters unmasked at TRACE
        try (LogCapture logs = LogCapture.capture(org.apache.logging.log4j.Level.DEBUG)) {
            // created, not started: starting would sign in, and this test has no identity provider for it
            org.apache.camel.Component exo = context.getComponent("exo");
            Endpoint withSecret = exo.createEndpoint(
                    "exo:Get-Mailbox?appId=app&organization=contoso.onmicrosoft.com&clientSecret=RAW(" + secret + ")");
            Endpoint withToken = exo.createEndpoint("exo:Get-Mailbox?accessToken=" + TOKEN);
            Endpoint withPassword = exo.createEndpoint("exo:Get-Mailbox?appId=app&organization=contoso.onmicrosoft.com"
                    + "&certificateFilePath=/nonexistent/app.pfx&certificatePassword=" + password);
            for (Endpoint endpoint : new Endpoint[] {withSecret, withToken, withPassword}) {
                assertThat(endpoint.getEndpointUri()).doesNotContain(secret, TOKEN, password);
                assertThat(endpoint.toString()).doesNotContain(secret, TOKEN, password);
            }
            // a sign-in that cannot succeed here (no network, no file): its failure must not carry the secrets either
            java.nio.file.Path pfx = io.camelexo.exchangeonline.support.TestKeys.keyPair(
                    java.nio.file.Files.createTempDirectory("pfx"), "app", "right-password", "CN=app", null, 30);
            Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() -> template.request(
                    "exo:Get-Mailbox?appId=app" + "&organization=contoso.onmicrosoft.com&certificateFilePath=" + pfx
                            + "&certificatePassword=" + password,
                    e -> {}));
            assertThat(stackTraceOf(failed)).doesNotContain(password).contains("certificatePassword does not open");
            Exchange unauthorized = template.request(
                    "exo:Get-Mailbox?connectionUri=http://127.0.0.1:9&maxRetries=0&connectTimeout=500"
                            + "&organization=contoso.onmicrosoft.com&accessToken=" + TOKEN,
                    e -> {});
            assertThat(unauthorized.getException()).isNotNull();
            assertThat(stackTraceOf(unauthorized.getException())).doesNotContain(TOKEN);
            assertThat(logs.lines())
                    .isNotEmpty()
                    .noneMatch(line -> line.contains(secret) || line.contains(TOKEN) || line.contains(password));
        }
    }

    private static String stackTraceOf(Throwable thrown) {
        java.io.StringWriter out = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
