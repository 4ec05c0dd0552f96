package io.camelexo.exchangeonline.benchmark;

import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.LargeTenantStub;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Streaming throughput of {@code exo:Get-Mailbox?outputType=Stream} through {@code split(body()).streaming()},
 * against a baseline measured in the same run on the same pages: the least any client must do (JDK HttpClient POSTs
 * following the nextLinks, Jackson streaming each record into a Map), without Camel or the component. Rounds
 * alternate between the two after a warm-up of each, and the medians are compared. Prints records/s and the ratio
 * to the baseline (memory is proven by StreamingMemoryTest: the fake service lives in this JVM, so heap figures
 * here would be the server's). Run it (not part of the test suite) as {@link PrefetchBenchmark} says, with
 *
 * <pre>
 * java -cp ... io.camelexo.exchangeonline.benchmark.StreamingBenchmark 20 1000 7
 * </pre>
 *
 * Arguments: pages (20), records per page (1,000), alternating rounds (3; more on a busy machine, where a round of
 * either side can lose the CPU to other work and only the median of many rounds says something).
 */
public final class StreamingBenchmark {

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long records = (long) pages * perPage;
        try (LargeTenantStub exo = new LargeTenantStub(pages, perPage);
                DefaultCamelContext camel = route(exo.baseUrl())) {
            System.out.printf(
                    "%d pages x %d records of %d bytes (%d MB of JSON per pass), %d alternating rounds after a warm-up%n",
                    pages, perPage, exo.bytesPerRecord, records * exo.bytesPerRecord >> 20, rounds);
            baseline(exo.baseUrl(), records);
            component(camel, records);
            List<Double> baselineRates = new ArrayList<>();
            List<Double> componentRates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                baselineRates.add(baseline(exo.baseUrl(), records));
                componentRates.add(component(camel, records));
            }
            double baseline = median(baselineRates);
            double component = median(componentRates);
            System.out.printf(
                    "baseline  (HttpClient + Jackson streaming) : %,10.0f records/s  %s%n", baseline, baselineRates);
            System.out.printf(
                    "component (exo: Stream + split streaming)   : %,10.0f records/s  %s = %.2f x baseline%n",
                    component, componentRates, component / baseline);
        }
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Every page by POST, as the module pages, each record parsed into a Map and dropped. */
    private static double baseline(String baseUrl, long expected) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = "{\"CmdletInput\":{\"CmdletName\":\"Get-Mailbox\",\"Parameters\":{\"ResultSize\":\"Unlimited\"}}}"
                .getBytes();
        long count = 0;
        long started = System.nanoTime();
        String next = baseUrl + LargeTenantStub.INVOKE;
        while (next != null) {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(next))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            BaselinePage page = BaselinePage.read(response.body());
            count += page.records();
            next = page.nextLink();
        }
        return rate(count, expected, started);
    }

    private static final AtomicLong ROUTED = new AtomicLong();

    private static DefaultCamelContext route(String baseUrl) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream")
                        .to("exo:Get-Mailbox?outputType=Stream&ResultSize=Unlimited&organization="
                                + LargeTenantStub.TENANT + "&connectionUri=" + baseUrl + "&accessToken="
                                + AdminApiWire.appToken("tid"))
                        .split(body())
                        .streaming()
                        .process(exchange -> ROUTED.incrementAndGet());
            }
        });
        camel.start();
        return camel;
    }

    private static double component(DefaultCamelContext camel, long expected) {
        ROUTED.set(0);
        long started = System.nanoTime();
        camel.createProducerTemplate().sendBody("direct:stream", null);
        return rate(ROUTED.get(), expected, started);
    }

    private static double rate(long count, long expected, long startedNanos) {
        if (count != expected) {
            throw new IllegalStateException("Read " + count + " records, expected " + expected);
        }
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }
}
