package io.camelexo.exchangeonline.benchmark;

import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Parallel paging: an unlimited listing of a large simulated tenant, each page of 1,000 taking {@code pageMillis} at
 * the service, read with {@code parallelPaging=N} (A) and sequentially (B), both streamed through a split. Each pass
 * keeps every record's ExchangeGuid; the sorted GUIDs of A must equal B's (same set, nothing lost or doubled) and
 * number the tenant's mailboxes, and their SHA-256 is printed. Run it (not part of the test suite) as
 * {@link PrefetchBenchmark} says, with
 *
 * <pre>
 * java -cp ... io.camelexo.exchangeonline.benchmark.ParallelPagingBenchmark 1000000 300 16 1 Get-Mailbox
 * </pre>
 *
 * Arguments: mailboxes (1,000,000), milliseconds per page at the service (300), partitions (16), rounds (1; a
 * sequential pass of a million mailboxes takes minutes, so there is no warm-up), the cmdlet ({@code Get-Mailbox} with
 * {@code select=ExchangeGuid}, or {@code Get-EXOMailbox} with {@code PropertySets=Minimum}).
 */
public final class ParallelPagingBenchmark {

    public static void main(String[] args) throws Exception {
        int mailboxes = AlternatingRounds.argument(args, 0, 1_000_000);
        int pageMillis = AlternatingRounds.argument(args, 1, 300);
        int partitions = AlternatingRounds.argument(args, 2, 16);
        int rounds = AlternatingRounds.argument(args, 3, 1);
        String cmdlet = args.length > 4 ? args[4] : "Get-Mailbox";
        TenantSimulator simulator = BenchmarkTenant.start(mailboxes, partitions);
        GuidSink parallel = new GuidSink(mailboxes);
        GuidSink sequential = new GuidSink(mailboxes);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            String listing = "exo:" + cmdlet + "?ResultSize=Unlimited&outputType=Stream&pageSize=1000"
                    + (cmdlet.equalsIgnoreCase("Get-EXOMailbox") ? "&PropertySets=Minimum" : "&select=ExchangeGuid")
                    + "&maxConcurrentRequests=" + partitions + "&" + BenchmarkTenant.endpointOptions(simulator)
                    + "&parallelPaging=";
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:parallel")
                            .to(listing + partitions)
                            .split(body())
                            .streaming()
                            .process(exchange -> parallel.add(exchange.getIn().getBody(Map.class)));
                    from("direct:sequential")
                            .to(listing + 1)
                            .split(body())
                            .streaming()
                            .process(exchange -> sequential.add(exchange.getIn().getBody(Map.class)));
                }
            });
            camel.start();
            simulator.faults().pageLatency(Duration.ofMillis(pageMillis));
            System.out.printf(
                    "%s of %,d mailboxes, pages of 1,000 at %d ms each; parallelPaging=%d vs 1%n",
                    cmdlet, mailboxes, pageMillis, partitions);
            AlternatingRounds.Outcome outcome = AlternatingRounds.run(
                    "parallelPaging=" + partitions,
                    () -> list(camel, "direct:parallel", parallel, sequential),
                    "parallelPaging=1",
                    () -> list(camel, "direct:sequential", sequential, parallel),
                    rounds,
                    false);
            System.out.printf(
                    "same %,d ExchangeGuids both ways (SHA-256 of the sorted GUIDs %s)%n",
                    sequential.size, sequential.digest());
            System.out.printf(
                    "parallel paging takes %.3f of the sequential time (target: 1/6 = 0.167 or less)%n",
                    outcome.secondsA() / outcome.secondsB());
        } finally {
            simulator.stop();
        }
    }

    /** One pass into {@code sink}; once the other way has run too, both must hold the same GUIDs. */
    private static void list(DefaultCamelContext camel, String route, GuidSink sink, GuidSink other) {
        sink.clear();
        camel.createProducerTemplate().sendBody(route, null);
        sink.checkComplete();
        if (other.size > 0 && !Arrays.equals(sink.sorted(), other.sorted())) {
            throw new IllegalStateException(route + " listed another set of mailboxes than the other way");
        }
    }

    /** The ExchangeGuids one pass delivered, in a fixed array: a million UUIDs are 16 bytes each plus a header. */
    private static final class GuidSink {
        private final UUID[] guids;
        private int size;
        private UUID[] sorted;

        GuidSink(int expected) {
            this.guids = new UUID[expected];
        }

        void clear() {
            size = 0;
            sorted = null;
        }

        void add(Map<?, ?> record) {
            if (size == guids.length) {
                throw new IllegalStateException("More records than the tenant has mailboxes (" + guids.length + ")");
            }
            guids[size++] = UUID.fromString(String.valueOf(record.get("ExchangeGuid")));
        }

        void checkComplete() {
            if (size != guids.length) {
                throw new IllegalStateException("Listed " + size + " mailboxes, the tenant has " + guids.length);
            }
            UUID[] ordered = sorted();
            for (int i = 1; i < ordered.length; i++) {
                if (ordered[i].equals(ordered[i - 1])) {
                    throw new IllegalStateException("Mailbox " + ordered[i] + " listed twice");
                }
            }
        }

        UUID[] sorted() {
            if (sorted == null) {
                sorted = Arrays.copyOf(guids, size);
                Arrays.sort(sorted);
            }
            return sorted;
        }

        String digest() throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (UUID guid : sorted()) {
                sha.update(guid.toString().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
