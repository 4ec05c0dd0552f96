package io.camelexo.exchangeonline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * maxConcurrentRequests as the service sees it: two endpoints sharing one session, ten calls at once, and a server
 * that holds every request until the test lets go, so it can count how many reach it together.
 */
class RequestGovernorTest extends WireMockExchangeTest {

    private static final int LIMIT = 3;
    private static final int CALLS = 10;

    private final AtomicInteger inFlightAtServer = new AtomicInteger();
    private final AtomicInteger maxInFlightAtServer = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @Override
    protected RouteBuilder createRouteBuilder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(CALLS + 2));
        server.createContext("/", exchange -> {
            maxInFlightAtServer.accumulateAndGet(inFlightAtServer.incrementAndGet(), Math::max);
            try {
                release.await(60, TimeUnit.SECONDS);
                byte[] page = "{\"value\":[{\"Identity\":\"anna\"}]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                // the slot is held until the answer is received in full: leave the count before the body is sent
                inFlightAtServer.decrementAndGet();
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return new RouteBuilder() {
            @Override
            public void configure() {
                useWireMockExchange("http://127.0.0.1:" + server.getAddress().getPort(), 10);
                from("direct:mailboxes").to("exo:Get-Mailbox?maxConcurrentRequests=" + LIMIT);
                from("direct:recipients").to("exo:Get-Recipient?maxConcurrentRequests=" + LIMIT);
                from("direct:info").to("exo:Get-ConnectionInformation?outputType=Single");
            }
        };
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aSessionNeverHasMoreRequestsInFlightThanItsLimitAndTheOthersWaitWithoutFailing() throws Exception {
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(template.asyncRequestBody(i % 2 == 0 ? "direct:mailboxes" : "direct:recipients", null));
        }

        Map<?, ?> info = awaitQueued(CALLS - LIMIT);
        assertThat(info.get("InFlightRequests")).isEqualTo(LIMIT);
        assertThat(inFlightAtServer.get()).as("requests the server holds").isEqualTo(LIMIT);

        release.countDown();
        for (CompletableFuture<Object> call : calls) {
            assertThat(call.get(60, TimeUnit.SECONDS)).asList().hasSize(1);
        }
        assertThat(maxInFlightAtServer.get()).isEqualTo(LIMIT);
        Map<?, ?> after = template.requestBody("direct:info", null, Map.class);
        assertThat(after.get("InFlightRequests")).isEqualTo(0);
        assertThat(after.get("QueuedRequests")).isEqualTo(0);
    }

    @Test
    void aLimitBelowOneFailsTheEndpointNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("exo:Get-Mailbox?maxConcurrentRequests=0"))
                .hasRootCauseMessage("maxConcurrentRequests must be 1 or more, got 0");
    }

    /**
     * Get-ConnectionInformation once {@code queued} calls wait for a slot and the others have reached the server; the
     * calls get there on their own time.
     */
    private Map<?, ?> awaitQueued(int queued) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Map<?, ?> info = template.requestBody("direct:info", null, Map.class);
            boolean settled = Integer.valueOf(queued).equals(info.get("QueuedRequests"))
                    && inFlightAtServer.get() == CALLS - queued;
            if (settled || System.nanoTime() > deadline) {
                assertThat(info.get("QueuedRequests")).isEqualTo(queued);
                return info;
            }
            Thread.sleep(20);
        }
    }
}
