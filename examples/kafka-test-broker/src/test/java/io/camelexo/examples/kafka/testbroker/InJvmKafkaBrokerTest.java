package io.camelexo.examples.kafka.testbroker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker the examples' tests rely on: a consumer group reads what was produced, in order per key. */
class InJvmKafkaBrokerTest {

    private static InJvmKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = InJvmKafkaBroker.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aConsumerGroupReadsEveryRecordInOrderPerKey() throws Exception {
        broker.createTopic("work", 4, Map.of());
        broker.createTopic("work", 4, Map.of()); // a second creation is not an error
        try (KafkaProducer<String, String> producer = broker.stringProducer()) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>("work", "tenant" + (i % 3), Integer.toString(i)));
            }
            producer.flush();
        }
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = broker.stringConsumer("group")) {
            consumer.subscribe(List.of("work"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < 20 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }
        assertThat(read).hasSize(20);
        for (String key : List.of("tenant0", "tenant1", "tenant2")) {
            List<Integer> values = read.stream()
                    .filter(record -> record.key().equals(key))
                    .map(record -> Integer.parseInt(record.value()))
                    .toList();
            assertThat(values).as(key).isSorted().isNotEmpty();
        }
    }
}
