package io.camelexo.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.examples.kafka.testbroker.InJvmKafkaBroker;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet as it runs in production, on a real (in-JVM) Kafka broker and the tenant simulator: workers are JVMs of
 * their own, a cycle is started with the schedule command, and one worker is killed with SIGKILL in the middle of a
 * tenant.
 */
class TenantFleetTest {

    private static final int CUSTOMERS = 12;
    private static final int MAILBOXES = 40;
    /** A customer that has not given the partner's app an Exchange role: its inventory fails with 403. */
    private static final String REFUSING = TenantSimulator.customerDomain(5);

    private static final Pattern STARTED = Pattern.compile("Inventory of (\\S+) started");

    @TempDir
    static Path work;

    private static InJvmKafkaBroker kafka;
    private static TenantSimulator simulator;
    private static Path connection;

    @BeforeAll
    static void start() throws Exception {
        kafka = InJvmKafkaBroker.start();
        simulator = TenantSimulator.builder()
                .customers(CUSTOMERS, MAILBOXES)
                .adminApiHttps(true)
                .build()
                .start();
        // a tenant's inventory takes a while, so a worker can be killed in the middle of one
        simulator.faults().pageLatency(Duration.ofMillis(400));
        simulator.exchangeRole(REFUSING, simulator.partnerApp().appId(), false);
        connection = work.resolve("fleet-simulator.properties");
        simulator.writePartnerConnection(connection);
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<String> customers() {
        return IntStream.rangeClosed(1, CUSTOMERS)
                .mapToObj(TenantSimulator::customerDomain)
                .toList();
    }

    @Test
    void twoWorkersShareACycleAndTheTenantOfAKilledWorkerIsRedoneByTheOther() throws Exception {
        try (FleetHarness fleet =
                new FleetHarness(kafka.bootstrapServers(), connection, work.resolve("logs"), "kill")) {
            FleetHarness.Worker victim = fleet.startWorker("victim");
            FleetHarness.Worker survivor = fleet.startWorker("survivor");
            fleet.awaitGroup(2, Duration.ofSeconds(90));
            // a record that is not a work item, on the partition of a real tenant: it must not hold that tenant up
            fleet.publishRaw(TenantSimulator.customerDomain(3), "not a work item");

            String cycle = fleet.schedule();
            Matcher started = STARTED.matcher(
                    victim.awaitLine(line -> STARTED.matcher(line).find(), Duration.ofSeconds(60)));
            assertThat(started.find()).isTrue();
            String interrupted = started.group(1);
            victim.kill();

            Map<String, JsonNode> done = fleet.awaitCycle(cycle, customers(), Duration.ofSeconds(120), record -> {});

            assertThat(done).containsOnlyKeys(customers());
            done.forEach((tenant, record) -> {
                if (tenant.equals(REFUSING)) {
                    assertThat(record.path("status").asText()).as(tenant).isEqualTo("FAILED");
                    assertThat(record.path("reason").asText()).as(tenant).isNotBlank();
                } else {
                    assertThat(record.path("status").asText()).as(tenant).isEqualTo("DONE");
                    assertThat(record.path("mailboxes").asInt()).as(tenant).isEqualTo(MAILBOXES);
                }
            });
            assertThat(done.get(interrupted).path("instance").asText())
                    .as("the tenant the killed worker was reading is redone by the survivor")
                    .endsWith("/" + survivor.process.pid());

            Map<String, Integer> inventory = fleet.inventory();
            Set<String> expected = new HashSet<>();
            for (String tenant : customers()) {
                if (!tenant.equals(REFUSING)) {
                    for (int i = 0; i < MAILBOXES; i++) {
                        expected.add(tenant + "/" + simulator.mailbox(tenant, i).get("ExchangeGuid"));
                    }
                }
            }
            assertThat(inventory.keySet()).as("every mailbox, once per key").isEqualTo(expected);
            assertThat(inventory.entrySet().stream()
                            .filter(e -> e.getValue() > 1)
                            .map(e -> e.getKey().split("/")[0]))
                    .as("only the interrupted tenant was published twice")
                    .allMatch(interrupted::equals);

            List<ConsumerRecord<String, String>> deadLetters = fleet.readAll(fleet.deadLetterTopic());
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).value()).isEqualTo("not a work item");
            assertThat(new String(
                            deadLetters
                                    .get(0)
                                    .headers()
                                    .lastHeader("fleet.reason")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .startsWith("not JSON");
        }
    }

    @Test
    void aWorkerWithoutABrokerSaysWhichServersItTriedAndKeepsTrying() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "127.0.0.1:" + closedPort;
        try (FleetHarness fleet = new FleetHarness(nowhere, connection, work.resolve("logs"), "no-broker")) {
            FleetHarness.Worker worker = fleet.startWorker("no-broker");
            String first = worker.awaitLine(line -> line.contains("No Kafka broker answered"), Duration.ofSeconds(60));
            assertThat(first)
                    .contains(nowhere)
                    .contains("fleet.bootstrap-servers")
                    .contains("Trying again");
            worker.awaitLine(
                    line -> line.contains("No Kafka broker answered") && line != first, Duration.ofSeconds(60));
            assertThat(worker.process.isAlive()).as("it keeps trying").isTrue();
        }
    }
}
