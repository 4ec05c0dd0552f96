package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.auth.JwtClaims;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import io.camelexo.exchangeonline.support.TestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two tenants signed in with the same app and the same credential, used at once: each tenant's Admin API URL
 * receives only tokens that Entra issued for that tenant (their tid claim names it), and disconnecting one leaves
 * the other signed in.
 */
class TenantIsolationTest extends SignInTestSupport {

    static final String SECRET = "isolation-secret-Q7w";
    static final String PFX_PASSWORD = "isolation-pfx-pass";
    static final String FABRIKAM = "fabrikam.onmicrosoft.com";
    static final String NORTHWIND = "northwind.onmicrosoft.com";
    /** The tenant id Entra puts in the tid claim of each tenant's tokens. */
    static final Map<String, String> TENANT_IDS = Map.of(
            TENANT, "0c1d2e3f-0000-4000-8000-00000000c051",
            FABRIKAM, "0c1d2e3f-0000-4000-8000-0000000fab51",
            NORTHWIND, "0c1d2e3f-0000-4000-8000-0000000e0a71");

    static final Pattern TOKEN_PATH = Pattern.compile("/([^/]+)/oauth2/v2.0/token");
    static final Pattern INVOKE_PATH = Pattern.compile("/adminapi/beta/([^/]+)/InvokeCommand.*");
    static final int CALLS_PER_TENANT = 8;

    @TempDir
    static Path keys;

    private static Path certificate;

    /** One certificate for the app, whichever tenant it signs in at. */
    static synchronized Path sharedCertificate() {
        if (certificate == null) {
            certificate = TestKeys.keyPair(keys, "shared-app", PFX_PASSWORD, "CN=shared-app", null, 365);
        }
        return certificate;
    }

    /** Two connections that differ only in the tenant they are for. */
    enum Setup {
        /** Same app and client secret, organization contoso and fabrikam. */
        SECRET_TWO_ORGANIZATIONS(false, false),
        /** Same app and certificate, organization contoso and fabrikam. */
        CERTIFICATE_TWO_ORGANIZATIONS(true, false),
        /** A partner's app (organization contoso) calling its customers fabrikam and northwind. */
        PARTNER_TWO_CUSTOMERS(false, true),
        /** The same partner with a certificate. */
        PARTNER_CERTIFICATE_TWO_CUSTOMERS(true, true);

        final boolean certificate;
        final boolean partner;

        Setup(boolean certificate, boolean partner) {
            this.certificate = certificate;
            this.partner = partner;
        }

        List<String> tenants() {
            return partner ? List.of(FABRIKAM, NORTHWIND) : List.of(TENANT, FABRIKAM);
        }

        /** The endpoint whose calls go to this tenant. */
        String uri(String cmdlet, String tenant) {
            String credential = certificate
                    ? "certificateFilePath=" + sharedCertificate() + "&certificatePassword=RAW(" + PFX_PASSWORD + ")"
                    : "clientSecret=RAW(" + SECRET + ")";
            String organization =
                    partner ? "organization=" + TENANT + "&delegatedOrganization=" + tenant : "organization=" + tenant;
            return "exo:" + cmdlet + "?appId=" + APP + "&" + organization + "&connectionUri=" + EXO.baseUrl()
                    + "&identityHttpClient=#entra&retryInitialDelay=10&" + credential;
        }
    }

    /**
     * Every tenant's token endpoint issues tokens whose tid claim names that tenant; the random signature makes each
     * token unique, so that a token re-used across tenants or refreshes would be noticed.
     */
    private static void issueTenantTokens(int expiresIn) {
        TENANT_IDS.forEach((tenant, tenantId) -> {
            String claims =
                    AdminApiWire.jwt(Map.of("tid", tenantId, "appid", APP, "roles", List.of("Exchange.ManageAsApp")));
            String unsigned = claims.substring(0, claims.lastIndexOf('.') + 1);
            ENTRA.server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withTransformers("response-template")
                            .withBody("{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":"
                                    + expiresIn + ",\"access_token\":\"" + unsigned
                                    + "{{randomValue length=24 type='ALPHANUMERIC'}}\"}")));
        });
        EXO.stubFor(post(urlPathMatching("/adminapi/beta/[^/]+/InvokeCommand"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(page(mailboxes(0, 1), null, List.of()))));
    }

    /** The access tokens Entra issued, by the tenant of the token endpoint that issued them. */
    private static Map<String, Set<String>> issuedTokens() throws Exception {
        Map<String, Set<String>> issued = new LinkedHashMap<>();
        for (ServeEvent event : ENTRA.server.getAllServeEvents()) {
            Matcher path = TOKEN_PATH.matcher(event.getRequest().getUrl());
            if (path.matches() && event.getResponse().getStatus() == 200) {
                String token = AdminApiWire.JSON
                        .readTree(event.getResponse().getBodyAsString())
                        .path("access_token")
                        .asText();
                issued.computeIfAbsent(path.group(1), tenant -> new java.util.HashSet<>())
                        .add(token);
            }
        }
        return issued;
    }

    /** The bearer tokens each tenant's Admin API URL received. */
    private static Map<String, List<String>> receivedTokens() {
        return EXO.findAll(postRequestedFor(urlPathMatching("/adminapi/beta/[^/]+/InvokeCommand"))).stream()
                .collect(Collectors.groupingBy(
                        request -> tenantOf(request),
                        LinkedHashMap::new,
                        Collectors.mapping(
                                request -> request.getHeader("Authorization").substring("Bearer ".length()),
                                Collectors.toList())));
    }

    private static String tenantOf(LoggedRequest request) {
        Matcher path = INVOKE_PATH.matcher(request.getUrl());
        assertThat(path.matches()).as(request.getUrl()).isTrue();
        return path.group(1);
    }

    private void routeFor(String tenant, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + tenant).to(uri);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void twoTenantsUsedAtOnceEachReceiveOnlyTheirOwnTokens(Setup setup) throws Exception {
        // tokens inside the five-minute refresh margin: every call signs in again, so sign-ins run concurrently too
        issueTenantTokens(200);
        for (String tenant : setup.tenants()) {
            routeFor(tenant, setup.uri("Get-Mailbox", tenant));
        }

        CyclicBarrier start = new CyclicBarrier(setup.tenants().size());
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (String tenant : setup.tenants()) {
            callers.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < CALLS_PER_TENANT; i++) {
                    assertThat(template.requestBody("direct:" + tenant, null, List.class))
                            .hasSize(1);
                }
            }));
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        Map<String, Set<String>> issued = issuedTokens();
        Map<String, List<String>> received = receivedTokens();
        assertThat(received).containsOnlyKeys(setup.tenants());
        for (String tenant : setup.tenants()) {
            assertThat(received.get(tenant))
                    .as("calls to " + tenant)
                    .hasSize(CALLS_PER_TENANT)
                    .allSatisfy(token -> {
                        assertThat(issued.get(tenant))
                                .as("tokens issued for " + tenant)
                                .contains(token);
                        assertThat(JwtClaims.parse(token).tenantId()).isEqualTo(TENANT_IDS.get(tenant));
                    });
            assertThat(issued.get(tenant))
                    .as("a sign-in per call, then the route start's")
                    .hasSizeGreaterThan(CALLS_PER_TENANT);
        }
        if (setup.partner) {
            assertThat(issued)
                    .as("a partner signs in at its customers, never at its own tenant")
                    .doesNotContainKey(TENANT);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void disconnectingOneTenantLeavesTheOtherSignedIn(Setup setup) throws Exception {
        issueTenantTokens(3599);
        String disconnected = setup.tenants().get(0);
        String other = setup.tenants().get(1);
        routeFor(disconnected, setup.uri("Get-Mailbox", disconnected));
        routeFor(other, setup.uri("Get-Mailbox", other));
        routeFor("disconnect", setup.uri("Disconnect-ExchangeOnline", disconnected));
        template.requestBody("direct:" + disconnected, null, List.class);
        template.requestBody("direct:" + other, null, List.class);
        assertThat(receivedTokens()).containsOnlyKeys(disconnected, other);
        String otherToken = receivedTokens().get(other).get(0);
        ENTRA.server.resetRequests();

        template.requestBody("direct:disconnect", (Object) null);
        template.requestBody("direct:" + other, null, List.class);
        assertThat(ENTRA.server.getAllServeEvents())
                .as("the other tenant's next call needs no token request")
                .isEmpty();
        assertThat(receivedTokens().get(other)).containsExactly(otherToken, otherToken);

        template.requestBody("direct:" + disconnected, null, List.class);
        assertThat(issuedTokens())
                .as("only the disconnected tenant signs in again")
                .containsOnlyKeys(disconnected);
        List<String> afterDisconnect = receivedTokens().get(disconnected);
        assertThat(afterDisconnect.get(1))
                .isNotEqualTo(afterDisconnect.get(0))
                .isIn(issuedTokens().get(disconnected));
    }
}
