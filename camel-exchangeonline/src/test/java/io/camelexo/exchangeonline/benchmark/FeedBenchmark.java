package io.camelexo.exchangeonline.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.ExoConstants;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * The audit-log feed against a hand-written session loop on the same simulated audit log, in one run. A: {@code
 * from("exo:Search-UnifiedAuditLog")} reads {@code hours} of events in windows of {@code windowHours}, one exchange per
 * record into a counting processor, the watermark saved after each window, with the endpoint's defaults otherwise (one
 * page read ahead). B: the loop every collector script writes, with the JDK HttpClient and Jackson, no Camel: per
 * window one SessionId with ReturnLargeSet, calls of 5,000 following the nextLinks, gzip asked for as the component does, each record parsed into a Map, until a call
 * returns fewer than 5,000. The simulator runs in this JVM: its work shares the cores with both readers. Both must
 * read every event. Rounds alternate after a warm-up; medians are compared. Every 100,000 records A also prints the
 * heap in use after a collection (run it with {@code -Xmx64m} to see it stay flat; the simulator shares the heap).
 *
 * <pre>
 * java -cp ... io.camelexo.exchangeonline.benchmark.FeedBenchmark 20000 10 2 7
 * </pre>
 *
 * Arguments: events per hour (20,000), hours (10), hours per window (2; at most 50,000 events a window), rounds (3).
 */
public final class FeedBenchmark {

    private static final int CALL_SIZE = 5_000;
    private static final int BOUNDARY_ALLOWANCE = 200;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws Exception {
        int perHour = AlternatingRounds.argument(args, 0, 20_000);
        int hours = AlternatingRounds.argument(args, 1, 10);
        int windowHours = AlternatingRounds.argument(args, 2, 2);
        int rounds = AlternatingRounds.argument(args, 3, 3);
        TenantSimulator simulator = BenchmarkTenant.start(100, 8);
        simulator.auditLog(BenchmarkTenant.TENANT).generatePerHour(perHour);
        // older than the 24 hours the slowest workload takes to become searchable: every event is there
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(48 + hours));
        Instant end = start.plus(Duration.ofHours(hours));
        long expected = distinctEvents(simulator, start, end);
        String token = simulator.accessToken(BenchmarkTenant.TENANT, SimulatedService.EXCHANGE, Duration.ofHours(8));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            System.out.printf(
                    "Search-UnifiedAuditLog, %,d events in %d hours, windows of %d hours; max heap %d MB%n",
                    expected, hours, windowHours, Runtime.getRuntime().maxMemory() >> 20);
            AtomicLong feedRounds = new AtomicLong();
            AlternatingRounds.Outcome outcome = AlternatingRounds.run(
                    "feed: from(exo:Search-UnifiedAuditLog), exchange per record",
                    () -> feed(camel, simulator, start, end, windowHours, expected, feedRounds.incrementAndGet()),
                    "hand-written session loop (HttpClient + Jackson)",
                    () -> sessionLoop(simulator.exchangeUrl(), token, start, end, windowHours, expected),
                    rounds);
            System.out.printf(
                    "feed records/s %,.0f vs loop %,.0f: %.2f x the loop (target: 0.9 or more)%n",
                    expected / outcome.secondsA(), expected / outcome.secondsB(), outcome.speedUp());
        } finally {
            simulator.stop();
        }
    }

    /** One read of the range by the feed, under a feed id of its own (a fresh watermark). */
    private static void feed(
            DefaultCamelContext camel,
            TenantSimulator simulator,
            Instant start,
            Instant end,
            int windowHours,
            long expected,
            long round)
            throws Exception {
        MemoryStateRepository watermarks = new MemoryStateRepository();
        AtomicLong records = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        String routeId = "feed-" + round;
        long lagSeconds = Duration.between(end, Instant.now()).getSeconds();
        camel.getRegistry().bind("watermarks" + round, watermarks);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("exo:Search-UnifiedAuditLog?startDate=" + start + "&windowSize=PT" + windowHours + "H"
                                + "&ingestionLag=PT" + lagSeconds + "S&stateRepository=#watermarks" + round
                                + "&feedId=bench&initialDelay=0&repeatCount=1&pageSize=1000&"
                                + BenchmarkTenant.endpointOptions(simulator))
                        .routeId(routeId)
                        .process(exchange -> {
                            long count = records.incrementAndGet();
                            if (exchange.getMessage().getHeader(ExoConstants.RECORD_ID) == null) {
                                failure.set("a record without CamelExoRecordId");
                            }
                            if (count % 100_000 == 0) {
                                System.gc();
                                System.out.printf(
                                        "  feed: %,d records, heap in use after GC %d MB%n",
                                        count, MEMORY.getHeapMemoryUsage().getUsed() >> 20);
                            }
                        });
            }
        });
        // done once the watermark reached the end (saved right after the last window's last exchange)
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (watermarks.getState("bench") == null
                || Instant.parse(watermarks.getState("bench")).isBefore(end.minusSeconds(1))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The feed did not finish: " + records.get() + " records");
            }
            Thread.sleep(5);
        }
        camel.getRouteController().stopRoute(routeId);
        camel.removeRoute(routeId);
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        checkCount("The feed", records.get(), expected);
    }

    /** The loop of a collector script: one session per window, until a call returns fewer than 5,000 records. */
    private static void sessionLoop(
            String baseUrl, String token, Instant start, Instant end, int windowHours, long expected) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper mapper = new ObjectMapper();
        String invoke = baseUrl + "/adminapi/beta/" + BenchmarkTenant.TENANT + "/InvokeCommand";
        long count = 0;
        for (Instant from = start; from.isBefore(end); from = from.plus(Duration.ofHours(windowHours))) {
            Instant to = from.plus(Duration.ofHours(windowHours)).isBefore(end)
                    ? from.plus(Duration.ofHours(windowHours))
                    : end;
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put(
                    "StartDate", LocalDateTime.ofInstant(from, ZoneOffset.UTC).toString());
            parameters.put(
                    "EndDate", LocalDateTime.ofInstant(to, ZoneOffset.UTC).toString());
            parameters.put("SessionId", UUID.randomUUID().toString());
            parameters.put("SessionCommand", "ReturnLargeSet");
            parameters.put("ResultSize", CALL_SIZE);
            byte[] body = mapper.writeValueAsBytes(
                    Map.of("CmdletInput", Map.of("CmdletName", "Search-UnifiedAuditLog", "Parameters", parameters)));
            int inCall;
            do {
                inCall = 0;
                String next = invoke;
                while (next != null) {
                    HttpResponse<InputStream> response = http.send(
                            HttpRequest.newBuilder(URI.create(next))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .header("Prefer", "odata.maxpagesize=1000")
                                    // as the component and PowerShell's web cmdlets ask: the same bytes on the wire
                                    .header("Accept-Encoding", "gzip")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    boolean gzip = response.headers()
                            .firstValue("Content-Encoding")
                            .map("gzip"::equalsIgnoreCase)
                            .orElse(false);
                    BaselinePage page =
                            BaselinePage.read(gzip ? new GZIPInputStream(response.body()) : response.body());
                    inCall += page.records();
                    next = page.nextLink();
                }
                count += inCall;
            } while (inCall == CALL_SIZE);
        }
        checkCount("The loop", count, expected);
    }

    /** Events in [start, end], counted an hour at a time (all at once would hold them all in the heap). */
    private static long distinctEvents(TenantSimulator simulator, Instant start, Instant end) {
        long count = 0;
        for (Instant hour = start; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
            Instant next = hour.plus(Duration.ofHours(1));
            Instant last = next.isBefore(end) ? next.minusSeconds(1) : end;
            count += simulator
                    .auditLog(BenchmarkTenant.TENANT)
                    .search(hour, last, Instant.now())
                    .size();
        }
        return count;
    }

    /** Adjacent windows share their boundary second: a record in it may be read twice, by either reader. */
    private static void checkCount(String reader, long read, long distinct) {
        if (read < distinct || read > distinct + BOUNDARY_ALLOWANCE) {
            throw new IllegalStateException(reader + " read " + read + " records, expected " + distinct
                    + " (plus at most " + BOUNDARY_ALLOWANCE + " read twice at window boundaries)");
        }
    }

    private FeedBenchmark() {}
}
