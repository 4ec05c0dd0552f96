package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.auth.ExoDeviceCodeListener;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.FakeEntra;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;

/** The session health check while a device login waits for a person, and once it is done. */
class DeviceLoginHealthTest extends SignInTestSupport {

    static final String ADMIN = "admin@contoso.com";

    private HealthCheck.Result sessionCheck() {
        return HealthCheckHelper.invoke(context, "full").stream().filter(result -> "exo:ExchangeOnline_1".equals(result.getCheck().getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void aPendingDeviceLoginIsReportedWithWhatToDoThenUp() throws Exception {
        ENTRA.server.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/devicecode")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"user_code\":\"FAKE-CODE\",\"device_code\":\"dev-code-1\","
                        + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":0,"
                        + "\"message\":\"Enter the code FAKE-CODE at https://microsoft.com/devicelogin.\"}")));
        String token = AdminApiWire.jwt(Map.of("upn", ADMIN, "tid", "tid-1", "exp", 4_102_444_800L));
        ENTRA.server.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(FakeEntra.userTokenAnswer(token, "rt-1", 3599, ADMIN, "https://outlook.office365.com/.default"))));
        stubExchange(page(mailboxes(0, 1), null, List.of()));
        List<HealthCheck.Result> whileWaiting = new ArrayList<>();
        context.getRegistry().bind("devicePrompt", (ExoDeviceCodeListener) (userCode, uri, message) -> whileWaiting.add(sessionCheck()));

        template.requestBody("exo:Get-Mailbox?organization=" + TENANT + "&connectionUri=" + EXO.baseUrl()
                + "&identityHttpClient=#entra&auth=deviceCode&userPrincipalName=" + ADMIN + "&deviceCodeListener=#devicePrompt", null, List.class);

        assertThat(whileWaiting).singleElement().satisfies(waiting -> {
            assertThat(waiting.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
            assertThat(waiting.getDetails()).containsEntry("state", "WAITING_FOR_USER")
                    .containsEntry("reason", "waiting for device login: enter code FAKE-CODE at https://microsoft.com/devicelogin")
                    .containsEntry("organization", TENANT).doesNotContainKey("tokenExpiry");
        });
        HealthCheck.Result signedIn = sessionCheck();
        assertThat(signedIn.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(signedIn.getDetails()).containsEntry("state", "SIGNED_IN").containsEntry("requests", 1L).doesNotContainKey("reason");
    }
}
