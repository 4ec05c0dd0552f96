package io.camelexo.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as the examples run it, a process of its own: records keyed by person keep their order, a consumer
 * group's committed offset and the records survive the broker being killed and started again on the same directory.
 */
class KafkaBrokerMainTest {

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(int port, int controllerPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkaBrokerMain.class.getName(),
                        "--port",
                        String.valueOf(port),
                        "--controller-port",
                        String.valueOf(controllerPort),
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("broker.log").toFile())
                .start();
    }

    private static Properties client(int port) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", "127.0.0.1:" + port);
        return properties;
    }

    private static KafkaConsumer<String, String> consumer(int port) {
        Properties properties = client(port);
        properties.put("group.id", "offboarding");
        properties.put("auto.offset.reset", "earliest");
        properties.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    @Test
    void keyedRecordsKeepTheirOrderAndCommittedOffsetsSurviveAKilledBroker() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        Process broker = start(port, controllerPort);
        try {
            try (Admin admin = Admin.create(client(port))) {
                admin.createTopics(List.of(new NewTopic("leavers", 3, (short) 1)))
                        .all()
                        .get(60, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(client(port), new StringSerializer(), new StringSerializer())) {
                for (int step = 1; step <= 3; step++) {
                    for (String person : List.of("alice", "bob", "carol", "dave")) {
                        producer.send(new ProducerRecord<>("leavers", person, person + "-" + step));
                    }
                }
                producer.flush();
            }
            try (KafkaConsumer<String, String> consumer = consumer(port)) {
                consumer.subscribe(List.of("leavers"));
                List<ConsumerRecord<String, String>> first = poll(consumer, 12);
                assertThat(first).hasSize(12);
                for (String person : List.of("alice", "bob", "carol", "dave")) {
                    assertThat(first.stream()
                                    .filter(record -> record.key().equals(person))
                                    .map(ConsumerRecord::value))
                            .as("one person's events in order")
                            .containsExactly(person + "-1", person + "-2", person + "-3");
                }
                consumer.commitSync();
            }

            broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            broker = start(port, controllerPort);

            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(client(port), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("leavers", "erin", "erin-1")).get(60, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, String> consumer = consumer(port)) {
                consumer.subscribe(List.of("leavers"));
                List<ConsumerRecord<String, String>> after = poll(consumer, 1);
                assertThat(after)
                        .as("the group resumes after its committed offsets")
                        .extracting(ConsumerRecord::value)
                        .containsExactly("erin-1");
            }
        } finally {
            broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void badOptionsAreRefusedNamingThem() {
        assertThatThrownBy(() -> KafkaBrokerMain.Settings.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("--port needs a port from 1 to 65535, got '70000'");
        assertThatThrownBy(() -> KafkaBrokerMain.Settings.parse(new String[] {"--port", "9093"}))
                .hasMessageContaining("--port and --controller-port must differ");
        assertThatThrownBy(() -> KafkaBrokerMain.Settings.parse(new String[] {"--topics", "x"}))
                .hasMessageContaining("Unknown option --topics");
        assertThat(KafkaBrokerMain.Settings.parse(new String[] {"--help"})).isNull();
    }
}
