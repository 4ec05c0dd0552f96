package io.camelexo.examples.offboarding;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * offboarding.*: where events come from and how hard a step is tried.
 *
 * @param dropFolder        folder watched for leaver events as *.json files; processed files move to .done, rejected
 *                          ones to .error
 * @param dropFolderSettle  a dropped file is read once it has not changed for this long (writers need not rename)
 * @param pollInterval      how often the event table is checked for due events
 * @param autoReplyMessage  the automatic reply of an event that brings none; {manager} becomes the manager's address
 * @param stepRetries       how often a step that failed transiently (throttled, 5xx, no answer) is run again before
 *                          the event is dead-lettered; on top of the component's own retries, which never re-send a
 *                          write that may have run, while the steps are idempotent and can be re-run
 * @param stepRetryDelay    the wait before the first of those retries, doubled for each next one
 * @param kafka             the leaver topic that several instances share; off unless its brokers are set
 */
@ConfigurationProperties(prefix = "offboarding")
public record OffboardingProperties(
        @DefaultValue("data/leavers") Path dropFolder,
        @DefaultValue("1s") Duration dropFolderSettle,
        @DefaultValue("1s") Duration pollInterval,

        @DefaultValue("This mailbox is no longer monitored. Please contact {manager} instead.")
        String autoReplyMessage,

        @DefaultValue("4") int stepRetries,
        @DefaultValue("5s") Duration stepRetryDelay,
        @DefaultValue Kafka kafka) {

    /**
     * offboarding.kafka.*: with brokers set, POST /leavers publishes events to the leaver topic (keyed by the person,
     * so one person's events stay in order) and every instance in the consumer group offboards the events of its
     * partitions. The database must then be one that all instances share.
     *
     * @param brokers         bootstrap servers, e.g. kafka1:9092,kafka2:9092; empty: no Kafka, one instance
     * @param topic           the leaver topic, created with {@code partitions} partitions if missing
     * @param partitions      how many instances can share the work at most
     * @param deadLetterTopic where records that are not leaver events go, with the reason in header
     *                        offboarding.reason
     * @param groupId         the consumer group of the instances
     * @param sessionTimeout  how soon the group gives a silent (dead) instance's partitions to the others
     * @param publishTimeout  how long POST /leavers waits for the broker before answering 503
     * @param handoverLease   a due event handed to the topic by the hand-over route (a dropped file, a future-dated
     *                        event whose day has come) is handed again if it is still pending after this long
     */
    public record Kafka(
            String brokers,
            @DefaultValue("leavers") String topic,
            @DefaultValue("12") int partitions,
            @DefaultValue("leavers.dead-letter") String deadLetterTopic,
            @DefaultValue("offboarding") String groupId,
            @DefaultValue("45s") Duration sessionTimeout,
            @DefaultValue("10s") Duration publishTimeout,
            @DefaultValue("10m") Duration handoverLease) {

        public boolean enabled() {
            return brokers != null && !brokers.isBlank();
        }
    }
}
