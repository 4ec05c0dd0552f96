package io.camelexo.exchangeonline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.camel.SimulatorTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bulk=true against the tenant simulator's $batch under injected faults (throttling, busy and transient items, envelopes
 * refused busy or losing their answer after their items ran): every read item ends with its record, no write ran twice
 * (the simulator's journal), a write without an Error took effect, and the tenant never saw more requests at once than
 * maxConcurrentRequests.
 */
class BulkSimulatorTest extends CamelTestSupport {

    static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    static final int MAILBOXES = 120;
    static final int MAX_CONCURRENT_REQUESTS = 4;
    static final TenantSimulator SIMULATOR =
            TenantSimulator.builder().mailboxes(MAILBOXES).seed(17).build().start();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @BeforeEach
    void faults() {
        SIMULATOR.journal().clear();
        SIMULATOR.traffic().reset();
        SIMULATOR
                .faults()
                .reset()
                .seed(23)
                .throttledRate(0.05)
                .serverBusyRate(0.05)
                .transientErrorRate(0.05)
                .connectionResetRate(0.05);
    }

    @AfterAll
    static void noFaults() {
        SIMULATOR.faults().reset();
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("simulatorTrust", SimulatorTrust.of(SIMULATOR));
    }

    private Exchange bulk(String cmdlet, String options, Object body) throws Exception {
        String uri = "exo:" + cmdlet + "?bulk=true&organization=" + TENANT + "&connectionUri="
                + SIMULATOR.exchangeUrl() + "&accessToken=RAW("
                + SIMULATOR.accessToken(TENANT, SimulatedService.EXCHANGE)
                + ")&sslContextParameters=#simulatorTrust&retryInitialDelay=1&retryMaxDelay=50&maxConcurrentRequests="
                + MAX_CONCURRENT_REQUESTS + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bulk").to(uri);
            }
        });
        return template.request("direct:bulk", e -> e.getIn().setBody(body));
    }

    private static List<String> aliases() {
        return IntStream.range(0, MAILBOXES)
                .mapToObj(i -> String.valueOf(SIMULATOR.mailbox(TENANT, i).get("Alias")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReadItemEndsWithItsRecordDespiteFaults() throws Exception {
        List<String> aliases = aliases();

        Exchange exchange = bulk("Get-Mailbox", "&inBody=Identity&maxRetries=10", aliases);

        List<Map<String, Object>> entries = entries(exchange);
        assertThat(entries).extracting(entry -> entry.get("Input")).containsExactlyElementsOf(aliases);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("Error")).isNull();
            assertThat(((List<Map<String, Object>>) entry.get("Records")).get(0).get("Alias"))
                    .isEqualTo(entry.get("Input"));
        });
        assertThat(SIMULATOR.journal().entries(entry -> entry.fault() != null))
                .as("faults were met")
                .isNotEmpty();
        assertThat(SIMULATOR.traffic().maxInFlight(TENANT)).isBetween(1, MAX_CONCURRENT_REQUESTS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void noWriteItemRunsTwiceAndAWriteWithoutErrorTookEffect() throws Exception {
        List<String> aliases = aliases();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String alias : aliases) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("Identity", alias);
            item.put("DisplayName", "Bulk " + alias);
            items.add(item);
        }

        Exchange exchange = bulk("Set-Mailbox", "&maxRetries=5", items);

        List<Map<String, Object>> entries = entries(exchange);
        Map<String, Long> ran = SIMULATOR.journal().entries(JournalEntry::isBatchItem).stream()
                .filter(entry -> "Set-Mailbox".equals(entry.cmdlet()) && entry.fault() == null)
                .filter(entry -> entry.status() >= 200 && entry.status() < 300)
                .collect(Collectors.groupingBy(BulkSimulatorTest::identity, Collectors.counting()));
        assertThat(ran.values())
                .as("writes that ran, per mailbox")
                .allSatisfy(count -> assertThat(count).isEqualTo(1L));
        for (int i = 0; i < MAILBOXES; i++) {
            Map<String, Object> entry = entries.get(i);
            Map<String, Object> error = (Map<String, Object>) entry.get("Error");
            String displayName = String.valueOf(SIMULATOR.mailbox(TENANT, i).get("DisplayName"));
            if (error == null) {
                assertThat(displayName).isEqualTo("Bulk " + aliases.get(i));
            } else if (!(Boolean) error.get("OutcomeUnknown")) {
                assertThat(ran).doesNotContainKey(aliases.get(i));
            }
        }
        assertThat(entries).anySatisfy(entry -> assertThat(entry.get("Error")).isNull());
        assertThat(entries)
                .as("faults were met")
                .anySatisfy(entry -> assertThat(entry.get("Error")).isNotNull());
        assertThat(exchange.getMessage().getHeader(ExoConstants.FAILED_COUNT)).isEqualTo((int)
                entries.stream().filter(entry -> entry.get("Error") != null).count());
        assertThat(SIMULATOR.traffic().maxInFlight(TENANT)).isBetween(1, MAX_CONCURRENT_REQUESTS);
    }

    private static String identity(JournalEntry entry) {
        try {
            return JSON.readTree(entry.body())
                    .path("CmdletInput")
                    .path("Parameters")
                    .path("Identity")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
