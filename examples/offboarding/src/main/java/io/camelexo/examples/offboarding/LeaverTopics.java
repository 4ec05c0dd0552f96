package io.camelexo.examples.offboarding;

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
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With Kafka configured, makes sure the leaver topic and its dead-letter topic exist (a broker's automatic creation
 * would give the leaver topic one partition, which one instance would own alone), in the background: the
 * application starts while the broker is down, says which bootstrap servers it tried, and tries again until one
 * answers. Until then nothing is published: POST /leavers answers 503.
 */
@Component
public class LeaverTopics implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OffboardingRoutes.LOG);
    private static final Duration ATTEMPT = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofSeconds(5);

    private final OffboardingProperties.Kafka kafka;
    private volatile boolean ready;
    private volatile Thread creator;

    public LeaverTopics(OffboardingProperties properties) {
        this.kafka = properties.kafka();
    }

    /** Whether the topics exist, so that events can be published. */
    public boolean ready() {
        return ready;
    }

    @Override
    public void start() {
        if (kafka.enabled()) {
            Thread thread = new Thread(this::createTopics, "leaver-topics");
            thread.setDaemon(true);
            creator = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread running = creator;
        if (running != null) {
            running.interrupt();
        }
        creator = null;
    }

    @Override
    public boolean isRunning() {
        return creator != null;
    }

    private void createTopics() {
        List<NewTopic> topics = List.of(
                new NewTopic(kafka.topic(), kafka.partitions(), (short) -1),
                new NewTopic(kafka.deadLetterTopic(), 1, (short) -1));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis()))) {
            while (!ready) {
                try {
                    createMissing(admin, topics);
                    ready = true;
                } catch (TimeoutException | ExecutionException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    LOG.warn(
                            "No Kafka broker answered at {} (offboarding.kafka.brokers): {}. POST /leavers answers 503 "
                                    + "until one does; trying again in {} s.",
                            kafka.brokers(),
                            cause.toString(),
                            PAUSE.toSeconds());
                    Thread.sleep(PAUSE.toMillis());
                }
            }
            LOG.info("Leaver topic {} ready at {}", kafka.topic(), kafka.brokers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates the topics in one request; one that exists already (another instance made it) is left as it is. */
    private static void createMissing(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(
                        topics, new CreateTopicsOptions().timeoutMs((int) ATTEMPT.toMillis()))
                .values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(ATTEMPT.toMillis() + 1000, TimeUnit.MILLISECONDS);
                LOG.info("Created topic {}", result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
