package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.FakeEntra;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

/** What servers need beyond the module: token caching, claims challenges, managed identity, partner (GDAP) tenants. */
class ServerSignInTest extends SignInTestSupport {

    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String SECRET = "s3cret";
    static final String IMDS = "/+metadata/identity/oauth2/token";

    private static void stubSecretToken(String path, String accessToken) {
        ENTRA.server.stubFor(post(urlPathEqualTo(path))
                .withRequestBody(containing("client_secret=" + SECRET))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.tokenAnswer(accessToken, 3599))));
    }

    @Test
    void aClaimsChallengeIsAnsweredWithOneNewTokenCarryingTheClaims() {
        stubSecretToken(TOKEN_PATH, "at-claims");
        String claims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1700000000\"}}}";
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("cae")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader(
                                "WWW-Authenticate",
                                "Bearer realm=\"\", error=\"insufficient_claims\", " + "claims=\""
                                        + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                                        + "\""))
                .willSetStateTo("satisfied"));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .inScenario("cae")
                .whenScenarioStateIs("satisfied")
                .willReturn(aResponse().withBody(page(mailboxes(0, 2), null, List.of()))));
        assertThat(template.requestBody(exoUri("exo", "Get-Mailbox", "clientSecret=" + SECRET), null, List.class))
                .hasSize(2);
        List<LoggedRequest> tokens = entraRequests(TOKEN_PATH);
        assertThat(tokens).hasSize(2);
        assertThat(formValue(tokens.get(0), "claims")).isNull();
        assertThat(formValue(tokens.get(1), "claims")).contains("\"nbf\"", "1700000000");
        assertThat(exchangeRequests()).hasSize(2);
    }

    @Test
    void managedIdentitySystemAndUserAssigned() {
        long expiresOn = System.currentTimeMillis() / 1000 + 3600;
        String miToken = AdminApiWire.jwt(Map.of("tid", "tid-mi", "appid", "mi-app", "exp", expiresOn));
        ENTRA.server.stubFor(get(urlPathMatching(IMDS))
                .withHeader("Metadata", equalTo("true"))
                .withQueryParam("resource", equalTo("https://outlook.office365.com"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + miToken + "\",\"expires_on\":\"" + expiresOn
                                + "\",\"resource\":\"https://outlook.office365.com\",\"token_type\":\"Bearer\"}")));
        stubExchange(page(mailboxes(0, 1), null, List.of()));

        template.requestBody(exoUri("exo", "Get-Mailbox", "auth=managedIdentity&appId="), null, List.class);
        template.requestBody(
                exoUri(
                        "exo",
                        "Get-Mailbox",
                        "auth=managedIdentity&appId=&managedIdentityAccountId=5e2a7c11-0000-4b1f-a3f2-8c9d0e1f2a3b"),
                null,
                List.class);
        ENTRA.server.verify(1, getRequestedFor(urlPathMatching(IMDS)).withQueryParam("client_id", absent()));
        ENTRA.server.verify(
                1,
                getRequestedFor(urlPathMatching(IMDS))
                        .withQueryParam("client_id", equalTo("5e2a7c11-0000-4b1f-a3f2-8c9d0e1f2a3b")));
        assertThat(exchangeRequests())
                .extracting(r -> r.getHeader("Authorization"))
                .containsOnly("Bearer " + miToken);
        assertThat(exchangeRequests())
                .extracting(r -> r.getHeader("X-AnchorMailbox"))
                .containsOnly("UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + TENANT);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "O365USGovGCCHigh, exo, login.microsoftonline.us,        https://outlook.office365.us/.default",
        "O365USGovDoD,     scc, login.microsoftonline.us,        https://ps.compliance.protection.office365.us/.default",
        "O365China,        exo, login.partner.microsoftonline.cn, https://partner.outlook.cn/.default",
        "O365GermanyCloud, exo, login.microsoftonline.de,        https://outlook.office.de/.default"
    })
    void sovereignCloudsSignInAtTheirOwnAuthorityForTheirOwnScope(
            String environment, String scheme, String tokenHost, String scope) {
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withHeader("X-Original-Host", equalTo(tokenHost))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.tokenAnswer("at-" + environment, 3599))));
        stubExchange(page(List.of(), null, List.of()));
        template.requestBody(
                exoUri(scheme, "Get-Mailbox", "clientSecret=" + SECRET + "&environment=" + environment),
                null,
                List.class);
        LoggedRequest token = entraRequests(TOKEN_PATH).get(0);
        assertThat(token.getHeader("X-Original-Host")).isEqualTo(tokenHost);
        assertThat(formValue(token, "scope").split(" ")).contains(scope);
        assertThat(exchangeRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer at-" + environment);
    }

    @Test
    void managedIdentityNeedsOrganization() {
        Throwable thrown = catchThrowable(() -> context.getEndpoint("exo:Get-Mailbox?auth=managedIdentity"));
        assertThat(thrown).isInstanceOf(ResolveEndpointFailedException.class);
        assertThat(thrown.getCause())
                .hasMessageContaining("auth=managedIdentity signs in app-only and needs organization");
    }

    @Test
    void delegatedOrganizationSignsInAtTheCustomerAndCallsTheCustomerTenant() {
        String customer = "fabrikam.onmicrosoft.com";
        String customerToken = "/" + customer + "/oauth2/v2.0/token";
        String customerInvoke = "/adminapi/beta/" + customer + "/InvokeCommand";
        stubSecretToken(customerToken, "at-customer");
        EXO.stubFor(post(urlPathEqualTo(customerInvoke))
                .willReturn(aResponse().withBody(page(mailboxes(0, 1), null, List.of()))));

        String partner = exoUri("exo", "Get-Mailbox", "clientSecret=" + SECRET + "&delegatedOrganization=" + customer);
        assertThat(template.requestBody(partner, null, List.class)).hasSize(1);
        String scc = exoUri(
                "scc",
                "Get-RetentionCompliancePolicy",
                "clientSecret=" + SECRET + "&delegatedOrganization=" + customer
                        + "&azureADAuthorizationEndpointUri=https://login.microsoftonline.com/" + customer);
        template.requestBody(scc, null, List.class);

        List<LoggedRequest> tokens = entraRequests(customerToken);
        assertThat(tokens).hasSize(2);
        assertThat(tokens)
                .extracting(t -> formValue(t, "scope"))
                .anyMatch(scope -> scope.contains("https://outlook.office365.com/.default"))
                .anyMatch(scope -> scope.contains("https://ps.compliance.protection.outlook.com/.default"));
        assertThat(entraRequests(TOKEN_PATH)).isEmpty();
        EXO.verify(
                2,
                postRequestedFor(urlPathEqualTo(customerInvoke))
                        .withHeader("Authorization", equalTo("Bearer at-customer")));
        EXO.verify(0, postRequestedFor(urlPathEqualTo(INVOKE)));

        Throwable thrown = catchThrowable(() -> context.getEndpoint(exoUri(
                "scc",
                "Get-RetentionCompliancePolicy",
                "clientSecret=" + SECRET + "&delegatedOrganization=" + customer)));
        assertThat(thrown.getCause())
                .hasMessageContaining("scc with delegatedOrganization needs azureADAuthorizationEndpointUri")
                .hasMessageContaining("https://login.microsoftonline.com/" + customer);
    }
}
