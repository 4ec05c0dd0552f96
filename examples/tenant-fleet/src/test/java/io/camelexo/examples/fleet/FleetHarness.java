package io.camelexo.examples.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs the fleet the way an operator does: workers as JVMs of their own ({@code TenantFleetApplication}), cycles
 * started with the {@code schedule} command, and reads the topics back. Each harness has its own topics and consumer
 * group (named after {@code run}), so runs on one broker do not see each other.
 */
final class FleetHarness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final Path connectionFile;
    private final Path logs;
    private final String run;
    private final List<Worker> workers = new ArrayList<>();

    FleetHarness(String bootstrapServers, Path connectionFile, Path logs, String run) {
        this.bootstrapServers = bootstrapServers;
        this.connectionFile = connectionFile;
        this.logs = logs;
        this.run = run;
    }

    String workTopic() {
        return run + "-work";
    }

    String mailboxTopic() {
        return run + "-mailboxes";
    }

    String doneTopic() {
        return run + "-done";
    }

    String deadLetterTopic() {
        return run + "-dead-letters";
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dfleet.bootstrap-servers=" + bootstrapServers,
                "-Dfleet.simulator-connection=" + connectionFile,
                "-Dfleet.group-id=" + run,
                "-Dfleet.work-topic=" + workTopic(),
                "-Dfleet.mailbox-topic=" + mailboxTopic(),
                "-Dfleet.done-topic=" + doneTopic(),
                "-Dfleet.dead-letter-topic=" + deadLetterTopic(),
                "-cp",
                System.getProperty("java.class.path"),
                TenantFleetApplication.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** A worker JVM; its output goes to {@code <logs>/<name>.log} and is kept for {@link Worker#awaitLine}. */
    Worker startWorker(String name, String... systemProperties) throws IOException {
        List<String> command = command();
        command.addAll(2, List.of(systemProperties));
        Worker worker = new Worker(
                name, new ProcessBuilder(command).redirectErrorStream(true).start(), logs.resolve(name + ".log"));
        workers.add(worker);
        return worker;
    }

    /** Runs {@code tenant-fleet schedule} and returns the cycle it printed. */
    String schedule() throws IOException, InterruptedException {
        Process schedule = new ProcessBuilder(command("schedule"))
                .redirectErrorStream(true)
                .start();
        String output = new String(schedule.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!schedule.waitFor(60, TimeUnit.SECONDS) || schedule.exitValue() != 0) {
            throw new IllegalStateException("schedule failed:\n" + output);
        }
        Matcher cycle = Pattern.compile("Cycle (\\S+) scheduled").matcher(output);
        if (!cycle.find()) {
            throw new IllegalStateException("schedule printed no cycle:\n" + output);
        }
        return cycle.group(1);
    }

    /** Waits until the consumer group has this many members with partitions assigned. */
    void awaitGroup(int members, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (System.nanoTime() < deadline) {
                if (isReady(admin, members)) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The group " + run + " did not reach " + members + " members in " + timeout);
    }

    private boolean isReady(Admin admin, int members) throws InterruptedException {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(run)).all().get().get(run);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false; // no worker has joined yet
            }
            throw new IllegalStateException(e.getCause());
        }
        return group.groupState() == GroupState.STABLE
                && group.members().size() == members
                && group.members().stream()
                        .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }

    /** Publishes one raw record to the work topic, as any producer could (a malformed item, say). */
    void publishRaw(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(workTopic(), key, value)).get();
        }
    }

    /**
     * Reads the done topic until every tenant has a record of this cycle, calling {@code onRecord} for each one read
     * (the caller may kill a worker there). Returns the records of the cycle, by tenant (the last one read wins).
     */
    Map<String, JsonNode> awaitCycle(String cycle, List<String> tenants, Duration timeout, Consumer<JsonNode> onRecord)
            throws IOException {
        Map<String, JsonNode> done = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = fromBeginning(doneTopic())) {
            while (!done.keySet().containsAll(tenants)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cycle " + cycle + " not done in " + timeout + ": " + done.size()
                            + " of " + tenants.size() + " tenants");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value = JSON.readTree(record.value());
                    if (value.path("cycle").asText().equals(cycle)) {
                        ((ObjectNode) value).put("timestamp", record.timestamp());
                        done.put(record.key(), value);
                        onRecord.accept(value);
                    }
                }
            }
        }
        return done;
    }

    /** Every record of a topic from the beginning to its current end. */
    List<ConsumerRecord<String, String>> readAll(String topic) throws IOException {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        readToEnd(topic, records::add);
        return records;
    }

    /**
     * The inventory topic as a compacted view sees it: each key with the number of records published for it.
     *
     * @throws IllegalStateException for a record whose value is not the mailbox its key names
     */
    Map<String, Integer> inventory() throws IOException {
        Map<String, Integer> copies = new HashMap<>();
        readToEnd(mailboxTopic(), record -> {
            String exchangeGuid =
                    JSON.readTree(record.value()).path("ExchangeGuid").asText();
            if (!record.key().endsWith("/" + exchangeGuid)) {
                throw new IllegalStateException("Key " + record.key() + " holds mailbox " + exchangeGuid);
            }
            copies.merge(record.key(), 1, Integer::sum);
        });
        return copies;
    }

    private interface RecordReader {
        void read(ConsumerRecord<String, String> record) throws IOException;
    }

    /** Hands every record of a topic, from its beginning to its end as it is now, to the reader. */
    private void readToEnd(String topic, RecordReader reader) throws IOException {
        try (KafkaConsumer<String, String> consumer = fromBeginning(topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    reader.read(record);
                }
            }
        }
    }

    /** A consumer (no group) assigned every partition of the topic, at its beginning. */
    private KafkaConsumer<String, String> fromBeginning(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** When the cycle's work items were published: the earliest CreateTime among them. */
    long firstWorkTimestamp(String cycle) throws IOException {
        long first = Long.MAX_VALUE;
        for (ConsumerRecord<String, String> record : readAll(workTopic())) {
            if (JSON.readTree(record.value()).path("cycle").asText().equals(cycle)) {
                first = Math.min(first, record.timestamp());
            }
        }
        return first;
    }

    @Override
    public void close() {
        workers.forEach(Worker::kill);
    }

    /** A worker process and the lines it printed. */
    static final class Worker {
        final String name;
        final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Worker(String name, Process process, Path log) throws IOException {
            this.name = name;
            this.process = process;
            Files.createDirectories(log.getParent());
            PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true);
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line; (line = in.readLine()) != null; ) {
                                lines.add(line);
                                out.println(line);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } finally {
                            out.close();
                        }
                    },
                    "fleet-worker-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        /** The first line the worker printed that matches, waiting for it. */
        String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                if (!process.isAlive() && lines.stream().noneMatch(wanted)) {
                    throw new IllegalStateException(
                            name + " ended (exit " + process.exitValue() + "):\n" + String.join("\n", lines));
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(
                    name + " printed no such line in " + timeout + ":\n" + String.join("\n", lines));
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        /** SIGKILL, as kill -9: no shutdown hook, no commit, no leaving the group. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
