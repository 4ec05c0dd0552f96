package io.camelexo.exchangeonline.benchmark;

import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Page prefetch: a {@code Get-EXOMailbox} listing from the tenant simulator, each page taking {@code pageMillis} to
 * arrive, through a streaming split whose route spends {@code workMillis} on every page, read with
 * {@code prefetchPages=1} (A: the next page travels while the route works) and with {@code prefetchPages=0} (B: the
 * route waits for each page). Both must deliver every mailbox. Run it (not part of the test suite):
 *
 * <pre>
 * ./mvnw -B -q -pl camel-exchangeonline -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
 * java -cp camel-exchangeonline/target/test-classes:camel-exchangeonline/target/classes:$(cat camel-exchangeonline/target/benchmark.classpath) \
 *     io.camelexo.exchangeonline.benchmark.PrefetchBenchmark 20 300 300
 * </pre>
 *
 * Arguments: pages of 1,000 mailboxes (20), milliseconds per page at the service (300), milliseconds the route spends
 * per page (300), rounds (3).
 */
public final class PrefetchBenchmark {

    private static final int PAGE_SIZE = 1000;
    private static final AtomicLong ROUTED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int pages = AlternatingRounds.argument(args, 0, 20);
        int pageMillis = AlternatingRounds.argument(args, 1, 300);
        int workMillis = AlternatingRounds.argument(args, 2, 300);
        int rounds = AlternatingRounds.argument(args, 3, 3);
        int mailboxes = pages * PAGE_SIZE;
        TenantSimulator simulator = TenantSimulator.builder()
                .mailboxes(mailboxes)
                .journalCapacity(0)
                .build()
                .start();
        try (DefaultCamelContext camel = routes(simulator, workMillis)) {
            simulator.faults().pageLatency(Duration.ofMillis(pageMillis));
            System.out.printf(
                    "Get-EXOMailbox, %d pages of %d mailboxes, %d ms per page at the service, the route %d ms per page%n",
                    pages, PAGE_SIZE, pageMillis, workMillis);
            AlternatingRounds.Outcome outcome = AlternatingRounds.run(
                    "prefetchPages=1",
                    () -> list(camel, "direct:prefetch", mailboxes),
                    "prefetchPages=0",
                    () -> list(camel, "direct:sequential", mailboxes),
                    rounds);
            System.out.printf("prefetch speed-up %.2f x (target: 1.7 x or more)%n", outcome.speedUp());
        } finally {
            simulator.stop();
        }
    }

    private static DefaultCamelContext routes(TenantSimulator simulator, int workMillis) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        String listing = "exo:Get-EXOMailbox?ResultSize=Unlimited&PropertySets=Minimum&outputType=Stream&pageSize="
                + PAGE_SIZE + "&" + BenchmarkTenant.endpointOptions(simulator) + "&prefetchPages=";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:prefetch").to(listing + 1).to("direct:work");
                from("direct:sequential").to(listing + 0).to("direct:work");
                from("direct:work").split(body()).streaming().process(exchange -> {
                    // the route's own work on a page, as a pause once it has seen the page's last record
                    if (ROUTED.incrementAndGet() % PAGE_SIZE == 0) {
                        Thread.sleep(workMillis);
                    }
                });
            }
        });
        camel.start();
        return camel;
    }

    private static void list(DefaultCamelContext camel, String route, long expected) {
        ROUTED.set(0);
        camel.createProducerTemplate().sendBody(route, null);
        if (ROUTED.get() != expected) {
            throw new IllegalStateException("Read " + ROUTED.get() + " mailboxes, expected " + expected);
        }
    }
}
