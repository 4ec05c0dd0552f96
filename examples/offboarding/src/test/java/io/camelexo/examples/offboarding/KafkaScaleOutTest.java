package io.camelexo.examples.offboarding;

import static io.camelexo.examples.offboarding.LeaverApi.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offboarding over Kafka: instances in their own JVMs share the leaver topic and the database; one is killed with
 * SIGKILL while it offboards, and every leaver is still offboarded once, with no step recorded twice.
 */
class KafkaScaleOutTest {

    private static final int LEAVERS = 45;

    @TempDir
    static Path work;

    private static ScaleOut scaleOut;

    @BeforeAll
    static void start() throws Exception {
        scaleOut = new ScaleOut(600, work, KafkaScaleOutTest.class.getSimpleName());
    }

    /** Each test's instances only: the group and the database stay, each test has its own leavers. */
    @AfterEach
    void stopInstances() throws InterruptedException {
        scaleOut.stopAll();
    }

    @AfterAll
    static void stop() throws Exception {
        scaleOut.close();
    }

    @Test
    void leaversSharedByThreeInstancesAreAllOffboardedOnceWhenOneIsKilledMidFlow() throws Exception {
        List<ScaleOut.Instance> instances = scaleOut.start(3, "instance-");
        List<ScaleOut.Leaver> leavers = scaleOut.leavers(LEAVERS);
        // a slow tenant, so that the kill lands while the killed instance is in the middle of a leaver
        scaleOut.simulator.faults().pageLatency(Duration.ofMillis(60));
        scaleOut.submit(leavers, instances);

        ScaleOut.Instance victim = instances.get(1);
        String interrupted = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> scaleOut.midFlow(victim, 2), eventId -> eventId != null);
        scaleOut.kill(victim);
        scaleOut.simulator.faults().reset();

        scaleOut.awaitCompleted(leavers, Duration.ofSeconds(120));
        ScaleOut.Journal journal = scaleOut.journal(leavers);
        assertThat(journal.failed()).isEmpty();
        assertThat(journal.doneRows()).hasSize(LEAVERS * ScaleOut.STEPS);
        assertThat(journal.doneRows().values()).as("no step recorded twice").containsOnly(1);
        assertThat(scaleOut.notOffboarded(leavers)).isEmpty();
        String logs = "";
        for (ScaleOut.Instance instance : instances) {
            logs += Files.readString(scaleOut.log(instance), StandardCharsets.UTF_8);
        }
        for (ScaleOut.Leaver leaver : leavers) {
            String accepted = "Leaver event " + leaver.userPrincipalName() + "/" + LocalDate.now() + " accepted from";
            assertThat(logs.split(java.util.regex.Pattern.quote(accepted), -1))
                    .as("accepted once, however often its record was read: %s", leaver)
                    .hasSize(2);
        }
        assertThat(Files.readString(scaleOut.log(instances.get(0)), StandardCharsets.UTF_8)
                        + Files.readString(scaleOut.log(instances.get(2)), StandardCharsets.UTF_8))
                .as("a survivor took the interrupted leaver over and skipped the steps done before the kill")
                .contains("of " + interrupted + " was done before: skipped")
                .contains(ScaleOut.FINISHED + interrupted + ":");
    }

    @Test
    void aRecordThatIsNotALeaverEventGoesToTheDeadLetterTopicAndThePersonsNextEventIsOffboarded() throws Exception {
        List<ScaleOut.Instance> instances = scaleOut.start(1, "dead-letter-");
        ScaleOut.Leaver leaver = scaleOut.leavers(1).get(0);
        try (KafkaProducer<String, String> producer = scaleOut.broker.stringProducer()) {
            // the same key as the valid event after it: the same partition, which must move past the bad record
            producer.send(new ProducerRecord<>("leavers", leaver.userPrincipalName(), "{\"userPrincipalName\": 42"))
                    .get();
            producer.send(new ProducerRecord<>(
                            "leavers",
                            leaver.userPrincipalName(),
                            event(leaver.userPrincipalName(), leaver.manager(), LocalDate.now())))
                    .get();
        }
        instances.get(0).api().awaitStatus(leaver.userPrincipalName(), "COMPLETED", Duration.ofSeconds(60));

        List<ConsumerRecord<String, String>> deadLetters = readAll("leavers.dead-letter");
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(leaver.userPrincipalName());
            assertThat(record.value()).isEqualTo("{\"userPrincipalName\": 42");
            assertThat(new String(
                            record.headers().lastHeader("offboarding.reason").value(), StandardCharsets.UTF_8))
                    .contains("not valid JSON");
        });
    }

    @Test
    void withTheBrokerDownTheApplicationStartsNamesTheBrokersItTriedAndRefusesEventsWith503() throws Exception {
        String nowhere = "127.0.0.1:" + ApplicationProcesses.freePort();
        ScaleOut.Instance instance = scaleOut.startWithBrokers(nowhere, "broker-down-");
        ScaleOut.Leaver leaver = scaleOut.leavers(1).get(0);

        LeaverApi.Answer answer =
                instance.api().submit(event(leaver.userPrincipalName(), leaver.manager(), LocalDate.now()));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().path("detail").asText())
                .contains(nowhere)
                .contains("offboarding.kafka.brokers")
                .contains("send it again");
        assertThat(instance.api().history(leaver.userPrincipalName()).status()).isEqualTo(404);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(scaleOut.log(instance), StandardCharsets.UTF_8)
                        .contains("No Kafka broker answered at " + nowhere));
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                scaleOut.broker.stringConsumer("test-reader-" + System.nanoTime())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
