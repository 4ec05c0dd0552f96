package io.camelexo.exchangeonline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camelexo.exchangeonline.auth.ExoDeviceCodeListener;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.camel.SimulatorTrust;
import io.camelexo.exchangeonline.support.LogCapture;
import io.camelexo.exchangeonline.support.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.ObjectHelper;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in end to end against a tenant that answers normally: msal4j talks HTTPS to the tenant simulator's Entra ID,
 * which checks secrets, certificates and scopes, and the simulator's Admin API admits only a token it issued to the
 * app for the right service. Wire details (the exact token request, odd answers) are tested against WireMock
 * fakes in {@link AppOnlySignInTest} and the other sign-in tests.
 */
class SimulatedTenantSignInTest extends CamelTestSupport {

    static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    static final TenantSimulator SIMULATOR = TenantSimulator.builder()
            .mailboxes(5)
            .deviceCodeInterval(Duration.ZERO)
            .build()
            .start();
    static final AppCredentials APP = SIMULATOR.defaultApp(TENANT);

    @TempDir
    static Path keys;

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @BeforeEach
    void forgetRequests() {
        SIMULATOR.journal().clear();
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("simulatorTrust", SimulatorTrust.of(SIMULATOR));
    }

    /** An endpoint URI for the simulator's tenant, signing in at its Entra ID with the given credential options. */
    private static String uri(String scheme, String cmdlet, String options) {
        return scheme + ":" + cmdlet + "?organization=" + TENANT
                + "&connectionUri=" + (scheme.equals("scc") ? SIMULATOR.complianceUrl() : SIMULATOR.exchangeUrl())
                + "&azureADAuthorizationEndpointUri=" + SIMULATOR.authorityUrl(TENANT)
                + "&sslContextParameters=#simulatorTrust&" + options;
    }

    private static String clientSecret() {
        return "appId=" + APP.appId() + "&clientSecret=RAW(" + APP.clientSecret() + ")";
    }

    private static List<JournalEntry> tokenRequests() {
        return SIMULATOR
                .journal()
                .entries(entry -> entry.service() == SimulatedService.ENTRA_ID
                        && entry.url().endsWith("/oauth2/v2.0/token"));
    }

    @Test
    void clientSecretSignsInOnceAndItsTokenReachesExchange() {
        String uri = uri("exo", "Get-Mailbox", clientSecret());
        for (int i = 0; i < 3; i++) {
            assertThat(template.requestBody(uri, null, List.class)).hasSize(5);
        }
        assertThat(tokenRequests()).singleElement().satisfies(token -> {
            assertThat(token.body()).contains("grant_type=client_credentials").doesNotContain(APP.clientSecret());
            assertThat(token.appId()).isEqualTo(APP.appId());
        });
        List<JournalEntry> calls = SIMULATOR.journal().cmdletCalls("Get-Mailbox");
        // admitted: a token the simulator issued to this app for Exchange's audience; the same one each time
        assertThat(calls).hasSize(3).allSatisfy(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.appId()).isEqualTo(APP.appId());
        });
        assertThat(calls)
                .extracting(JournalEntry::tokenId)
                .containsOnly(calls.get(0).tokenId());
    }

    @Test
    void oneHundredCallsWithinATokenLifetimeCostOneTokenRequest() {
        String uri = uri("exo", "Get-AcceptedDomain", clientSecret());
        for (int i = 0; i < 100; i++) {
            template.requestBody(uri, (Object) null);
        }
        assertThat(SIMULATOR.journal().cmdletCalls("Get-AcceptedDomain")).hasSize(100);
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void sccAsksForTheComplianceScope() {
        // the regional SCC host refuses a token for Exchange's audience: an answer proves the compliance scope
        assertThat(template.requestBody(uri("scc", "Get-RetentionCompliancePolicy", clientSecret()), null, List.class))
                .isNotEmpty();
        assertThat(SIMULATOR.journal().cmdletCalls("Get-RetentionCompliancePolicy"))
                .singleElement()
                .satisfies(call -> {
                    assertThat(call.service()).isEqualTo(SimulatedService.COMPLIANCE);
                    assertThat(call.status()).isEqualTo(200);
                });
        assertThat(tokenRequests())
                .singleElement()
                .satisfies(
                        token -> assertThat(token.body()).contains("ps.compliance.protection.outlook.com%2F.default"));
    }

    @Test
    void aWrongSecretFailsTheRouteStartWithTheAadstsCode() {
        Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-secret")
                        .to(uri("exo", "Get-Mailbox", "appId=" + APP.appId() + "&clientSecret=RAW(wrong-secret)"));
            }
        }));
        ExoAuthenticationException signIn = ObjectHelper.getException(ExoAuthenticationException.class, failure);
        assertThat(signIn).as("sign-in failure in %s", failure).isNotNull();
        assertThat(signIn.getErrorCode()).isEqualTo("AADSTS7000215");
        assertThat(signIn.getMessage()).contains("client secret is wrong").doesNotContain("wrong-secret");
    }

    @Test
    void aCertificateCloseToExpiryIsReportedAtStart() {
        Path soon = TestKeys.keyPair(keys, "soon-cert", "password", "CN=renew-me", null, 10);
        SIMULATOR.registerCertificate(TENANT, APP.appId(), TestKeys.certificate(soon, "password"));
        try (LogCapture logs = LogCapture.capture(Level.WARN)) {
            template.requestBody(
                    uri(
                            "exo",
                            "Get-ConnectionInformation",
                            "appId=" + APP.appId() + "&certificateFilePath=" + soon + "&certificatePassword=password"),
                    (Object) null);
            assertThat(logs.lines()).anyMatch(line -> line.contains("CN=renew-me") && line.contains("expires on"));
        }
        assertThat(tokenRequests())
                .singleElement()
                .satisfies(token -> assertThat(token.status()).isEqualTo(200));
    }

    @Test
    void aPendingDeviceLoginIsReportedWithWhatToDoThenUp() throws Exception {
        String admin = SIMULATOR.adminUser(TENANT).userPrincipalName();
        List<HealthCheck.Result> whileWaiting = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        context.getRegistry().bind("devicePrompt", (ExoDeviceCodeListener) (userCode, verificationUri, message) -> {
            whileWaiting.add(sessionCheck());
            codes.add(userCode + " at " + verificationUri);
            SIMULATOR.completeDeviceLogin(userCode);
        });

        template.requestBody(
                uri(
                        "exo",
                        "Get-Mailbox",
                        "auth=deviceCode&userPrincipalName=" + admin + "&deviceCodeListener=#devicePrompt"),
                null,
                List.class);

        assertThat(whileWaiting).singleElement().satisfies(waiting -> {
            assertThat(waiting.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
            assertThat(waiting.getDetails())
                    .containsEntry("state", "WAITING_FOR_USER")
                    .containsEntry("reason", "waiting for device login: enter code " + codes.get(0))
                    .containsEntry("organization", TENANT)
                    .doesNotContainKey("tokenExpiry");
        });
        HealthCheck.Result signedIn = sessionCheck();
        assertThat(signedIn.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(signedIn.getDetails())
                .containsEntry("state", "SIGNED_IN")
                .containsEntry("requests", 1L)
                .doesNotContainKey("reason");
        assertThat(SIMULATOR.journal().cmdletCalls("Get-Mailbox"))
                .singleElement()
                .satisfies(call -> assertThat(call.user()).isEqualTo(admin));
    }

    private HealthCheck.Result sessionCheck() {
        return HealthCheckHelper.invoke(context, "full").stream()
                .filter(result ->
                        "exo:ExchangeOnline_1".equals(result.getCheck().getId()))
                .findFirst()
                .orElseThrow();
    }
}
