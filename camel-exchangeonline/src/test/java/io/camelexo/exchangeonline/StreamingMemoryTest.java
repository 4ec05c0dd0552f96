package io.camelexo.exchangeonline;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.support.AdminApiWire;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constant memory: 20,000 records of about 15 KB (300 MB of JSON in 15 MB pages) stream through
 * split(body()).streaming() in a JVM limited to 64 MB of heap. The fake service runs in this JVM, the route in a
 * forked one, so only the component's own memory use is limited.
 */
class StreamingMemoryTest {

    static final int PAGES = 20;
    static final int PER_PAGE = 1000;
    static final String TENANT = "contoso.onmicrosoft.com";
    static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";

    @Test
    void twentyThousandFifteenKilobyteRecordsStreamThroughSixtyFourMegabytesOfHeap() throws Exception {
        WireMockServer exo = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(8));
        exo.start();
        try {
            long pageBytes = 0;
            for (int p = 1; p <= PAGES; p++) {
                List<ObjectNode> records = new ArrayList<>(PER_PAGE);
                for (int i = 0; i < PER_PAGE; i++) {
                    records.add(AdminApiWire.mailbox((p - 1) * PER_PAGE + i, 14_500));
                }
                String next = p < PAGES ? exo.baseUrl() + INVOKE + "?$skiptoken=" + (p + 1) : null;
                byte[] body = AdminApiWire.page(records, next, List.of()).getBytes(StandardCharsets.UTF_8);
                pageBytes = body.length;
                var request = post(urlPathEqualTo(INVOKE));
                request = p == 1 ? request.withQueryParam("$skiptoken", absent()) : request.withQueryParam("$skiptoken", equalTo(String.valueOf(p)));
                exo.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
            }
            assertThat(pageBytes / PER_PAGE).isBetween(14_000L, 16_500L);

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", classPath,
                    "-Dlog4j2.configurationFile=log4j2-quiet.properties", StreamingMemoryTest.class.getName(), exo.baseUrl())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            System.out.println(output.lines().filter(l -> l.startsWith("records=")).findFirst().orElse(output));
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("records=20000 ");
        } finally {
            exo.stop();
        }
    }

    /** The forked JVM: one streaming route, counting records. */
    public static void main(String[] args) throws Exception {
        AtomicLong records = new AtomicLong();
        AtomicLong identitySum = new AtomicLong();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:etl")
                            .to("exo:Get-Mailbox?outputType=Stream&ResultSize=Unlimited&organization=" + TENANT + "&connectionUri=" + args[0]
                                    + "&accessToken=" + AdminApiWire.appToken("tid"))
                            .split(body()).streaming()
                            .process(exchange -> {
                                records.incrementAndGet();
                                identitySum.addAndGet(exchange.getIn().getBody(java.util.Map.class).get("Identity").hashCode());
                            });
                }
            });
            context.start();
            long started = System.nanoTime();
            context.createProducerTemplate().sendBody("direct:etl", null);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Runtime runtime = Runtime.getRuntime();
            System.out.println("records=" + records.get() + " in " + millis + " ms, heap max " + runtime.maxMemory() / (1 << 20)
                    + " MB, used at end " + (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20) + " MB");
        }
        System.exit(records.get() == (long) PAGES * PER_PAGE ? 0 : 1);
    }
}
