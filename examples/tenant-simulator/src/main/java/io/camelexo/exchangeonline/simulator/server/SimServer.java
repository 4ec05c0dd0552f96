package io.camelexo.exchangeonline.simulator.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One WireMock server on 127.0.0.1 whose every request goes to a handler. WireMock's own request journal is off
 * (the simulator keeps a bounded one without response bodies, see {@code Journal}).
 */
public final class SimServer {

    private static final String LOOPBACK = "127.0.0.1";

    private final WireMockServer server;
    private final boolean https;

    private SimServer(WireMockServer server, boolean https) {
        this.server = server;
        this.https = https;
    }

    /**
     * @param port        0 for any free port
     * @param certificate null for plain HTTP, else HTTPS only with this certificate
     */
    public static SimServer start(
            SimulatedService service,
            Handler handler,
            Consumer<JournalEntry> journal,
            int port,
            ServerCertificate certificate,
            int threads,
            boolean verbose) {
        String transformer = "tenant-simulator-" + service.name().toLowerCase(Locale.ROOT);
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress(LOOPBACK)
                .containerThreads(threads)
                .disableRequestJournal()
                .templatingEnabled(false)
                .notifier(new ConsoleNotifier(verbose))
                .extensions(new WireMockEndpoint(transformer, service, handler, journal));
        if (certificate != null) {
            options.httpDisabled(true)
                    .httpsPort(port)
                    .keystorePath(certificate.keyStorePath().toString())
                    .keystoreType("PKCS12")
                    .keystorePassword(certificate.password())
                    .keyManagerPassword(certificate.password());
        } else {
            options.port(port);
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(transformer)));
        return new SimServer(server, certificate != null);
    }

    public int port() {
        return https ? server.httpsPort() : server.port();
    }

    /** {@code http(s)://127.0.0.1:port}, no trailing slash. */
    public String baseUrl() {
        return (https ? "https://" : "http://") + LOOPBACK + ":" + port();
    }

    public void stop() {
        server.stop();
    }
}
