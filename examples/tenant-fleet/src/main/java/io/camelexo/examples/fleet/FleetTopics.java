package io.camelexo.examples.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the fleet's topics unless they exist: a broker's automatic creation would make the work topic one partition,
 * which one instance would own alone. The inventory and the tenant-done topics are compacted: one value per key stays.
 */
final class FleetTopics {

    private static final Logger LOG = LoggerFactory.getLogger(FleetTopics.class);
    private static final Duration ATTEMPT = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofSeconds(5);

    private FleetTopics() {}

    /**
     * Waits for the broker: each attempt that finds no broker is logged with the bootstrap servers tried, and retried
     * until {@code patience} has passed (then IllegalStateException).
     */
    static void ensure(FleetSettings settings, Duration patience) throws InterruptedException {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        List<NewTopic> topics = List.of(
                new NewTopic(settings.workTopic(), settings.workPartitions(), (short) -1),
                new NewTopic(settings.mailboxTopic(), settings.mailboxPartitions(), (short) -1).configs(compacted),
                new NewTopic(settings.doneTopic(), settings.workPartitions(), (short) -1).configs(compacted),
                new NewTopic(settings.deadLetterTopic(), 1, (short) -1));
        long deadline = System.nanoTime() + patience.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis()))) {
            while (true) {
                try {
                    for (NewTopic topic : topics) {
                        create(admin, topic);
                    }
                    return;
                } catch (TimeoutException | ExecutionException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "No Kafka broker answered at " + settings.bootstrapServers()
                                        + " (fleet.bootstrap-servers) within " + patience.toSeconds() + " s: " + cause,
                                cause);
                    }
                    LOG.warn(
                            "No Kafka broker answered at {} (fleet.bootstrap-servers): {}. Trying again in {} s.",
                            settings.bootstrapServers(),
                            cause.toString(),
                            PAUSE.toSeconds());
                    Thread.sleep(PAUSE.toMillis());
                }
            }
        }
    }

    private static void create(Admin admin, NewTopic topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs((int) ATTEMPT.toMillis()))
                    .all()
                    .get(ATTEMPT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} ({} partitions)", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
