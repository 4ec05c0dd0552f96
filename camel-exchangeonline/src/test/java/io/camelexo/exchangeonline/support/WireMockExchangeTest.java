package io.camelexo.exchangeonline.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camelexo.exchangeonline.ExoComponent;
import io.camelexo.exchangeonline.ExoConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;

/** Routes against a WireMock Exchange Online on loopback, with a fixed app-only token (auth=accessToken). */
public abstract class WireMockExchangeTest extends CamelTestSupport {

    public static final String TENANT = "contoso.onmicrosoft.com";
    public static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";
    public static final String TOKEN = AdminApiWire.appToken("6f1c0e52-3b7d-4a0c-9f61-2d8e5a7b9c10");
    /** Threads to spare: an answer held back past a call's requestTimeout keeps its thread busy. */
    public static final WireMockServer EXO = new WireMockServer(
            wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(50));

    // one server for every subclass in the JVM, whatever order they run in: stopping it after one class would leave
    // the next with a dead server
    static {
        EXO.start();
        Runtime.getRuntime().addShutdownHook(new Thread(EXO::stop, "stop-wiremock-exchange"));
    }

    @BeforeEach
    void resetExchange() {
        EXO.resetAll();
    }

    /** Points the exo component's defaults at the WireMock server, signed in with {@link #TOKEN}. */
    protected ExoConfiguration useWireMockExchange(String connectionUri, long retryInitialDelayMillis) {
        ExoConfiguration defaults =
                context.getComponent("exo", ExoComponent.class).getConfiguration();
        defaults.setConnectionUri(connectionUri);
        defaults.setOrganization(TENANT);
        defaults.setAccessToken(TOKEN);
        defaults.setRetryInitialDelay(retryInitialDelayMillis);
        return defaults;
    }
}
