package io.camelexo.examples.offboarding;

import static io.camelexo.examples.offboarding.OffboardingRoutes.LEAVER;
import static io.camelexo.examples.offboarding.OffboardingRoutes.LOG;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * With Kafka configured (offboarding.kafka.brokers), the leaver topic is the work queue that every instance shares:
 * <ul>
 *   <li>{@link #PUBLISH} puts an event on the topic, keyed by the person, so that all of one person's events land in
 *       one partition, in order, and are worked on by one instance at a time;
 *   <li>each instance in the consumer group reads its partitions, stores the event once (as without Kafka), runs its
 *       due steps, and only then commits the offset: an instance that dies before leaves the record to the instance
 *       that gets the partition, which skips the steps the audit trail has and does the rest;
 *   <li>a record that is not a leaver event goes to the dead-letter topic with the reason, and is committed, so the
 *       partition moves on;
 *   <li>the hand-over route gives the topic the stored events no instance has taken: those from the drop folder and
 *       those whose effective date has come since they arrived.
 * </ul>
 */
@Component
public class LeaverTopicRoutes extends RouteBuilder {

    static final String PUBLISH = "direct:publish-leaver";
    /** Kafka header: where the event came from (http, drop-folder:...). */
    static final String SOURCE_HEADER = "offboarding.source";
    /** Kafka header of a dead letter: why the record is not a leaver event. */
    static final String REASON_HEADER = "offboarding.reason";

    private static final Logger DEAD_LETTERS = LoggerFactory.getLogger(LOG);
    private static final int HANDOVERS_PER_POLL = 500;
    private static final long MAX_POLL_INTERVAL_MS = 20 * 60 * 1000;
    private static final String HANDOVER = "leaverHandover";

    private final LeaverEventReader reader;
    private final LeaverLedger ledger;
    private final LeaverTopics topics;
    private final OffboardingProperties properties;

    public LeaverTopicRoutes(
            LeaverEventReader reader, LeaverLedger ledger, LeaverTopics topics, OffboardingProperties properties) {
        this.reader = reader;
        this.ledger = ledger;
        this.topics = topics;
        this.properties = properties;
    }

    @Override
    public void configure() {
        OffboardingProperties.Kafka kafka = properties.kafka();
        if (!kafka.enabled()) {
            return;
        }
        from(PUBLISH).routeId("publish-leaver").errorHandler(noErrorHandler()).to(producer(kafka.topic()));

        from(consumer(kafka))
                .routeId("leaver-topic")
                .onException(InvalidLeaverEventException.class)
                .handled(true)
                .logExhausted(false)
                .process(exchange -> {
                    String reason = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                            .getMessage();
                    exchange.getMessage().setHeader(REASON_HEADER, reason);
                    DEAD_LETTERS.warn(
                            "Record at offset {} of {} partition {} is not a leaver event ({}): sent to {}",
                            exchange.getMessage().getHeader(KafkaConstants.OFFSET),
                            kafka.topic(),
                            exchange.getMessage().getHeader(KafkaConstants.PARTITION),
                            reason,
                            kafka.deadLetterTopic());
                })
                .to(producer(kafka.deadLetterTopic()))
                .process(LeaverTopicRoutes::commit)
                .end()
                .setProperty(LeaverIntakeRoutes.PAYLOAD, body().convertToString())
                .setProperty(LeaverIntakeRoutes.SOURCE)
                .exchange(exchange -> {
                    String source = exchange.getMessage().getHeader(SOURCE_HEADER, String.class);
                    return source != null ? source : "kafka";
                })
                .bean(reader, "read")
                .to(LeaverIntakeRoutes.ACCEPT_LEAVER)
                .filter(exchange -> ledger.takeDue(
                        exchange.getMessage().getBody(Acceptance.class).eventId()))
                .setProperty(LEAVER)
                .exchange(exchange -> ledger.load(
                        exchange.getMessage().getBody(Acceptance.class).eventId()))
                .to(OffboardingRoutes.OFFBOARD)
                .end()
                .process(LeaverTopicRoutes::commit);

        from("timer:leaver-handovers?delay=" + properties.pollInterval().toMillis() + "&period="
                        + properties.pollInterval().toMillis())
                .routeId("leaver-handovers")
                .filter(exchange -> topics.ready())
                .setBody(exchange -> ledger.claimHandovers(kafka.handoverLease(), HANDOVERS_PER_POLL))
                .split(body())
                .setProperty(HANDOVER, body())
                .process(exchange -> {
                    LeaverLedger.Handover handover = exchange.getMessage().getBody(LeaverLedger.Handover.class);
                    exchange.getMessage().setHeader(KafkaConstants.KEY, handover.userPrincipalName());
                    exchange.getMessage().setHeader(SOURCE_HEADER, handover.source());
                    exchange.getMessage().setBody(handover.payload());
                })
                .doTry()
                .to(PUBLISH)
                .doCatch(Exception.class)
                .process(exchange -> ledger.releaseHandover(exchange.getProperty(HANDOVER, LeaverLedger.Handover.class)
                        .eventId()))
                .log(
                        LoggingLevel.WARN,
                        LOG,
                        "Leaver event ${exchangeProperty." + HANDOVER + ".eventId} could not be handed to "
                                + kafka.topic() + " at " + kafka.brokers()
                                + " (${exception.message}); it is tried again at the next poll")
                .end();
    }

    /** What one publication waits for: every in-sync replica's acknowledgement, within the publish timeout. */
    private String producer(String topic) {
        OffboardingProperties.Kafka kafka = properties.kafka();
        long timeout = kafka.publishTimeout().toMillis();
        return "kafka:" + topic + "?brokers=" + kafka.brokers() + "&requestRequiredAcks=all&synchronous=true"
                + "&maxBlockMs=" + timeout + "&deliveryTimeoutMs=" + timeout + "&requestTimeoutMs=" + timeout / 2;
    }

    /**
     * One record at a time, committed by hand after its effects are stored. A failure that is not handled (the
     * database away, say) commits nothing: the consumer reads the record again (breakOnFirstError).
     */
    private static String consumer(OffboardingProperties.Kafka kafka) {
        return "kafka:" + kafka.topic() + "?brokers=" + kafka.brokers() + "&groupId=" + kafka.groupId()
                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                + "&maxPollRecords=1"
                // a person's steps may take minutes with the step retries: longer than Kafka's default 5 minutes
                + "&maxPollIntervalMs=" + MAX_POLL_INTERVAL_MS
                + "&sessionTimeoutMs=" + kafka.sessionTimeout().toMillis()
                + "&heartbeatIntervalMs=" + kafka.sessionTimeout().toMillis() / 3
                // when an instance joins or dies, the others keep their partitions and their person in progress
                + "&partitionAssignor=" + CooperativeStickyAssignor.class.getName()
                // only LeaverTopics creates the topic, with its partitions
                + "&additionalProperties.allow.auto.create.topics=false";
    }

    private static void commit(Exchange exchange) {
        exchange.getIn()
                .getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class)
                .commit();
    }
}
