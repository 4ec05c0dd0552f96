package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.JSON;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.FakeEntra;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import io.camelexo.exchangeonline.support.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App-only sign-in at the wire: msal4j talks HTTPS to a fake Entra ID, and these tests look at exactly what it sent
 * (the client assertion's header and claims) or script what a tenant that answers normally would not (certificates
 * that cannot be used, a token the service lets lapse mid-stream). Sign-in against a tenant that answers normally is
 * {@link SimulatedTenantSignInTest}.
 */
class AppOnlySignInTest extends SignInTestSupport {

    static final String SECRET = "correct-horse~battery";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";

    @TempDir
    static Path keys;

    private static List<LoggedRequest> tokenRequests() {
        return entraRequests(TOKEN_PATH);
    }

    @Test
    void certificateFromAPfxSignsAnAssertionEntraWouldAccept() throws Exception {
        Path pfx = TestKeys.keyPair(keys, "app-cert", "pfx-pass", "CN=exchange-automation", null, 365);
        X509Certificate certificate = TestKeys.certificate(pfx, "pfx-pass");
        ENTRA.server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_assertion="))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(FakeEntra.tokenAnswer("at-cert", 3599))));
        EXO.stubFor(post(urlPathEqualTo(INVOKE))
                .willReturn(aResponse().withBody(page(mailboxes(0, 1), null, List.of()))));

        String uri = exoUri("exo", "Get-Mailbox", "certificateFilePath=" + pfx + "&certificatePassword=pfx-pass");
        assertThat(template.requestBody(uri, null, List.class)).hasSize(1);
        assertThat(EXO.findAll(postRequestedFor(urlPathEqualTo(INVOKE))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer at-cert");

        LoggedRequest token = tokenRequests().get(0);
        assertThat(formValue(token, "client_assertion_type"))
                .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(formValue(token, "client_secret")).isNull();
        String[] jwt = formValue(token, "client_assertion").split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        byte[] thumbprint = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        assertThat(Base64.getDecoder()
                        .decode(header.path("x5t#S256")
                                .asText()
                                .replace('-', '+')
                                .replace('_', '/')))
                .isEqualTo(thumbprint);
        assertThat(claims.path("aud").asText())
                .isEqualTo("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token");
        assertThat(claims.path("iss").asText()).isEqualTo(APP);
        assertThat(claims.path("sub").asText()).isEqualTo(APP);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(certificate.getPublicKey());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();

        Map<?, ?> info = template.requestBody(
                uri.replace("Get-Mailbox", "Get-ConnectionInformation") + "&outputType=Single", null, Map.class);
        assertThat(info.get("CertificateAuthentication")).isEqualTo(true);
    }

    @Test
    void unusableCertificatesFailAtStartNamingTheOption() {
        Path pfx = TestKeys.keyPair(keys, "pw-cert", "right-pass", "CN=pw", null, 365);
        assertThat(startFailure(
                        exoUri("exo", "Get-Mailbox", "certificateFilePath=" + pfx + "&certificatePassword=wrong-pass")))
                .contains("certificatePassword does not open")
                .doesNotContain("wrong-pass");
        Path expired = TestKeys.keyPair(keys, "old-cert", "password", "CN=old", null, "-40d", 10);
        assertThat(startFailure(exoUri(
                        "exo", "Get-Mailbox", "certificateFilePath=" + expired + "&certificatePassword=password")))
                .contains("CN=old", "expired on");
    }

    @Test
    void aTokenThatExpiresDuringAFivePageStreamIsRefreshedWithoutLosingOrRepeatingAPage() throws Exception {
        stubTokenAnswers(TOKEN_PATH, FakeEntra.tokenAnswer("at-1", 3599), FakeEntra.tokenAnswer("at-2", 3599));
        AdminApiWire.stubInvokePages(EXO, INVOKE, 5, 3);
        // the service lets at-1 lapse after the second page
        stubTokenRefusedFromPage("at-1", 3, 5);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:five-pages")
                        .to(exoUri(
                                "exo",
                                "Get-Mailbox",
                                "clientSecret=RAW(" + SECRET + ")&outputType=Stream&pageSize=3&ResultSize=Unlimited"))
                        .split(body())
                        .streaming()
                        .to("mock:five");
            }
        });
        MockEndpoint five = getMockEndpoint("mock:five");
        five.expectedMessageCount(15);
        template.sendBody("direct:five-pages", null);
        five.assertIsSatisfied();

        List<Object> identities = five.getExchanges().stream()
                .map(e -> e.getIn().getBody(Map.class).get("Identity"))
                .toList();
        assertThat(identities)
                .doesNotHaveDuplicates()
                .hasSize(15)
                .startsWith("user0")
                .endsWith("user14");
        List<LoggedRequest> pages = EXO.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
        assertThat(pages.stream()
                        .map(r -> r.queryParameter("$skiptoken").isPresent()
                                ? r.queryParameter("$skiptoken").firstValue()
                                : "1")
                        .collect(Collectors.toList()))
                .containsExactly("1", "2", "3", "3", "4", "5");
        assertThat(pages)
                .extracting(r -> r.getHeader("Authorization"))
                .containsExactly(
                        "Bearer at-1", "Bearer at-1", "Bearer at-1", "Bearer at-2", "Bearer at-2", "Bearer at-2");
        assertThat(new HashSet<>(pages.stream()
                        .map(r -> r.getHeader("client-request-id"))
                        .toList()))
                .hasSize(1);
        assertThat(tokenRequests()).hasSize(2);
    }
}
