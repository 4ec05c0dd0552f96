package io.camelexo.exchangeonline.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Exchange Online's {@code $batch} endpoint in its wire shape (docs/admin-api.md, "$batch"): the envelope's items are
 * answered one by one, each with its id, status, lower-case headers and body. A test scripts the answer per item (by
 * the item's Identity and how often that item has run) and, per envelope, a fault before or after its items ran. It
 * counts what each item went through and how many envelopes were in flight at once.
 */
public final class FakeBatchService implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-batch";

    /** What happens to a whole envelope. */
    public enum EnvelopeFault {
        NONE,
        /** 429 before any item ran; the envelope may be re-sent whole. */
        THROTTLED_BEFORE_ITEMS_RAN,
        /** The items ran, then the service answered an HTML 503 page. */
        HTML_503_AFTER_ITEMS_RAN,
        /** The items ran, then the connection broke. */
        CONNECTION_RESET_AFTER_ITEMS_RAN,
        /** The items ran; the answer comes long after any requestTimeout. */
        NO_ANSWER_AFTER_ITEMS_RAN
    }

    /** One item of an envelope as the service received it. */
    public record Item(String id, String method, String url, JsonNode headers, String cmdlet, JsonNode parameters) {
        public String identity() {
            return parameters.path("Identity").asText();
        }
    }

    /** One item's answer: status, headers (sent in lower case) and a body (JSON, or any text). */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer page(List<ObjectNode> records, String nextLink) {
            return new Answer(
                    200,
                    Map.of("Content-Type", "application/json"),
                    AdminApiWire.page(
                            records, nextLink, nextLink != null ? List.of(AdminApiWire.MORE_RESULTS) : List.of()));
        }

        /** A page of one mailbox record named after the item, as a lookup of that item answers. */
        public static Answer found(Item item) {
            return page(List.of(AdminApiWire.mailbox(0, 0).put("Identity", item.identity())), null);
        }

        public static Answer error(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Answer throttled(String retryAfter) {
            return new Answer(
                    429,
                    Map.of("Retry-After", retryAfter, "Content-Type", "application/json"),
                    "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Request throttled. Retry after the interval in Retry-After.\"}}");
        }
    }

    private final WireMockServer server;
    private volatile Function<RunningItem, Answer> items = running -> Answer.found(running.item());
    private volatile IntFunction<EnvelopeFault> envelopes = number -> EnvelopeFault.NONE;
    private volatile BooleanSupplier holdUntil = () -> true;
    private final List<List<Item>> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final AtomicInteger envelopeCount = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** An item with the number of times it has run before (0 the first time). */
    public record RunningItem(Item item, int runsBefore) {}

    public FakeBatchService() {
        server = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(60)
                .extensions(this));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    /** Forgets scripts, counts and stubs; the $batch path answers every item with a one-record page. */
    public void reset(String batchPath) {
        server.resetAll();
        items = running -> Answer.found(running.item());
        envelopes = number -> EnvelopeFault.NONE;
        holdUntil = () -> true;
        received.clear();
        runs.clear();
        envelopeCount.set(0);
        inFlight.set(0);
        maxInFlight.set(0);
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(batchPath))
                .willReturn(ResponseDefinitionBuilder.responseDefinition().withTransformers(NAME)));
    }

    public void answerItems(Function<RunningItem, Answer> script) {
        items = script;
    }

    /** Faults by envelope number, 0 for the first envelope that arrives. */
    public void answerEnvelopes(IntFunction<EnvelopeFault> script) {
        envelopes = script;
    }

    /** Arriving envelopes wait (in flight) until this is true. */
    public void holdEnvelopesUntil(BooleanSupplier condition) {
        holdUntil = condition;
    }

    /** Items of each envelope, in the order the envelopes arrived. */
    public List<List<Item>> envelopes() {
        return List.copyOf(received);
    }

    /** How often the item with this Identity was received inside an envelope (whether or not it then ran). */
    public long received(String identity) {
        return received.stream()
                .flatMap(List::stream)
                .filter(item -> item.identity().equals(identity))
                .count();
    }

    /** How often the item with this Identity ran on the service. */
    public int runs(String identity) {
        AtomicInteger count = runs.get(identity);
        return count == null ? 0 : count.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            hold();
            int number = envelopeCount.getAndIncrement();
            List<Item> envelope = items(event.getRequest().getBodyAsString());
            received.add(envelope);
            EnvelopeFault fault = envelopes.apply(number);
            if (fault == EnvelopeFault.THROTTLED_BEFORE_ITEMS_RAN) {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(429)
                        .withHeader("Retry-After", "0.01")
                        .build();
            }
            ObjectNode answer = AdminApiWire.JSON.createObjectNode();
            ArrayNode responses = answer.putArray("responses");
            for (Item item : envelope) {
                int before = runs.computeIfAbsent(item.identity(), k -> new AtomicInteger())
                        .getAndIncrement();
                Answer itemAnswer = items.apply(new RunningItem(item, before));
                ObjectNode response = responses.addObject();
                response.put("id", item.id());
                response.put("status", itemAnswer.status());
                ObjectNode headers = response.putObject("headers");
                itemAnswer
                        .headers()
                        .forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
                response.set("body", body(itemAnswer.body()));
            }
            return switch (fault) {
                case HTML_503_AFTER_ITEMS_RAN ->
                    ResponseDefinitionBuilder.responseDefinition()
                            .withStatus(503)
                            .withHeader("Content-Type", "text/html")
                            .withBody(
                                    "<html><head><title>Service Unavailable</title></head><body>HTTP Error 503</body></html>")
                            .build();
                case CONNECTION_RESET_AFTER_ITEMS_RAN ->
                    ResponseDefinitionBuilder.responseDefinition()
                            .withFault(Fault.CONNECTION_RESET_BY_PEER)
                            .build();
                case NO_ANSWER_AFTER_ITEMS_RAN ->
                    ResponseDefinitionBuilder.responseDefinition()
                            .withStatus(200)
                            .withFixedDelay(5_000)
                            .withHeader("Content-Type", "application/json")
                            .withBody(answer.toString())
                            .build();
                default ->
                    ResponseDefinitionBuilder.responseDefinition()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(answer.toString())
                            .build();
            };
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Waits for the test's condition; the deadline only keeps a broken test from hanging. */
    private void hold() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!holdUntil.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<Item> items(String body) {
        try {
            List<Item> items = new ArrayList<>();
            for (JsonNode request : AdminApiWire.JSON.readTree(body).path("requests")) {
                JsonNode input = request.path("body").path("CmdletInput");
                items.add(new Item(
                        request.path("id").asText(),
                        request.path("method").asText(),
                        request.path("url").asText(),
                        request.path("headers"),
                        input.path("CmdletName").asText(),
                        input.path("Parameters")));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON body as JSON, anything else as a string, as the service embeds them. */
    private static JsonNode body(String text) {
        try {
            return AdminApiWire.JSON.readTree(text);
        } catch (IOException notJson) {
            return AdminApiWire.JSON.getNodeFactory().textNode(text);
        }
    }
}
