package io.camelexo.exchangeonline.benchmark;

import io.camelexo.exchangeonline.ExoConstants;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Bulk writes: {@code Set-Mailbox} on every mailbox of a simulated tenant whose Admin API takes {@code requestMillis}
 * per request, sent with {@code bulk=true} (A: JSON batch requests of 10 items, up to {@code maxConcurrentRequests}
 * in flight) and as single calls from as many threads as {@code maxConcurrentRequests} (B), at the same
 * {@code maxConcurrentRequests}. Every item must succeed both ways; each pass prints the requests the service saw and
 * the most it had in flight at once. Run it (not part of the test suite) as {@link PrefetchBenchmark} says, with
 *
 * <pre>
 * java -cp ... io.camelexo.exchangeonline.benchmark.BulkBenchmark 10000 200 16 3
 * </pre>
 *
 * Arguments: items (10,000), milliseconds per Admin API request (200), maxConcurrentRequests (16), rounds (3).
 */
public final class BulkBenchmark {

    private static final String TENANT = BenchmarkTenant.TENANT;

    public static void main(String[] args) throws Exception {
        int items = AlternatingRounds.argument(args, 0, 10_000);
        int requestMillis = AlternatingRounds.argument(args, 1, 200);
        int maxConcurrentRequests = AlternatingRounds.argument(args, 2, 16);
        int rounds = AlternatingRounds.argument(args, 3, 3);
        TenantSimulator simulator = BenchmarkTenant.start(items, maxConcurrentRequests);
        List<Map<String, Object>> changes = IntStream.range(0, items)
                .mapToObj(i -> Map.<String, Object>of(
                        "Identity", simulator.mailbox(TENANT, i).get("Alias"), "CustomAttribute1", "benchmark"))
                .toList();
        AtomicInteger singlesDone = new AtomicInteger();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            String session =
                    BenchmarkTenant.endpointOptions(simulator) + "&maxConcurrentRequests=" + maxConcurrentRequests;
            ExecutorService callers =
                    camel.getExecutorServiceManager().newFixedThreadPool(camel, "single-calls", maxConcurrentRequests);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bulk").to("exo:Set-Mailbox?bulk=true&" + session);
                    from("direct:single")
                            .split(body())
                            .parallelProcessing()
                            .executorService(callers)
                            .stopOnException()
                            .setHeader(ExoConstants.PARAMETERS, body())
                            .to("exo:Set-Mailbox?" + session)
                            .process(exchange -> singlesDone.incrementAndGet());
                }
            });
            camel.start();
            simulator.faults().requestLatency(Duration.ofMillis(requestMillis));
            System.out.printf(
                    "Set-Mailbox x %,d, %d ms per Admin API request, maxConcurrentRequests=%d%n",
                    items, requestMillis, maxConcurrentRequests);
            AlternatingRounds.Outcome outcome = AlternatingRounds.run(
                    "bulk=true (batches of 10)",
                    () -> bulk(camel, simulator, changes),
                    "single calls from " + maxConcurrentRequests + " threads",
                    () -> singles(camel, simulator, changes, singlesDone),
                    rounds);
            System.out.printf("bulk speed-up %.2f x (target: 6 x or more)%n", outcome.speedUp());
        } finally {
            simulator.stop();
        }
    }

    private static void bulk(DefaultCamelContext camel, TenantSimulator simulator, List<Map<String, Object>> changes) {
        simulator.traffic().reset();
        Exchange done = camel.createProducerTemplate()
                .send("direct:bulk", exchange -> exchange.getIn().setBody(changes));
        if (done.getException() != null) {
            throw new IllegalStateException("The bulk call failed", done.getException());
        }
        List<?> entries = done.getMessage().getBody(List.class);
        long failed = entries.stream()
                .filter(entry -> ((Map<?, ?>) entry).get("Error") != null)
                .count();
        if (entries.size() != changes.size() || failed > 0) {
            throw new IllegalStateException(
                    "Bulk: " + entries.size() + " entries for " + changes.size() + " items, " + failed + " failed");
        }
        printTraffic("bulk   ", simulator);
    }

    private static void singles(
            DefaultCamelContext camel,
            TenantSimulator simulator,
            List<Map<String, Object>> changes,
            AtomicInteger done) {
        simulator.traffic().reset();
        done.set(0);
        camel.createProducerTemplate().sendBody("direct:single", changes);
        if (done.get() != changes.size()) {
            throw new IllegalStateException("Single calls: " + done.get() + " of " + changes.size() + " succeeded");
        }
        printTraffic("singles", simulator);
    }

    private static void printTraffic(String what, TenantSimulator simulator) {
        System.out.printf(
                "  %s: %,d requests at the service, at most %d in flight%n",
                what, simulator.traffic().requests(TENANT), simulator.traffic().maxInFlight(TENANT));
    }
}
