package io.camelexo.exchangeonline;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.support.AdminApiWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Constant memory: 20,000 full Get-Mailbox records (about 14 KB each with their annotations: 280 MB of JSON in pages
 * of 1,000) stream through split(body()).streaming() in a JVM limited to 64 MB of heap. The tenant simulator runs in
 * this JVM, the route in a forked one, so only the component's own memory use is limited.
 */
class StreamingMemoryTest {

    static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    static final int PAGES = 20;
    static final int PER_PAGE = 1000;

    @Test
    void twentyThousandFifteenKilobyteRecordsStreamThroughSixtyFourMegabytesOfHeap() throws Exception {
        try (TenantSimulator simulator =
                TenantSimulator.builder().mailboxes(PAGES * PER_PAGE).build().start()) {
            // a full record, as a client holds it once the annotations are gone
            assertThat(AdminApiWire.JSON.writeValueAsBytes(simulator.mailbox(TENANT, 0)).length)
                    .isGreaterThan(8_000);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process child = new ProcessBuilder(
                            java,
                            "-Xmx64m",
                            "-XX:+ExitOnOutOfMemoryError",
                            "-cp",
                            classPath,
                            "-Dlog4j2.configurationFile=log4j2-quiet.properties",
                            StreamingMemoryTest.class.getName(),
                            simulator.exchangeUrl(),
                            simulator.accessToken(TENANT, SimulatedService.EXCHANGE))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            // read on another thread, so that a hung child fails the test at the timeout instead of hanging the build
            CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            boolean finished = child.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                child.destroyForcibly();
            }
            String output = printed.get(30, TimeUnit.SECONDS);
            assertThat(finished).as(output).isTrue();
            System.out.println(output.lines()
                    .filter(l -> l.startsWith("records="))
                    .findFirst()
                    .orElse(output));
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("records=20000 ");
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
                            .to("exo:Get-Mailbox?outputType=Stream&ResultSize=Unlimited&organization=" + TENANT
                                    + "&connectionUri=" + args[0] + "&accessToken=" + args[1])
                            .split(body())
                            .streaming()
                            .process(exchange -> {
                                records.incrementAndGet();
                                identitySum.addAndGet(exchange.getIn()
                                        .getBody(java.util.Map.class)
                                        .get("Identity")
                                        .hashCode());
                            });
                }
            });
            context.start();
            long started = System.nanoTime();
            context.createProducerTemplate().sendBody("direct:etl", null);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Runtime runtime = Runtime.getRuntime();
            System.out.println(
                    "records=" + records.get() + " in " + millis + " ms, heap max " + runtime.maxMemory() / (1 << 20)
                            + " MB, used at end " + (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20) + " MB");
        }
        System.exit(records.get() == (long) PAGES * PER_PAGE ? 0 : 1);
    }
}
