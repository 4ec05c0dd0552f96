package io.camelexo.examples.offboarding;

/** The leaver topic did not take an event: POST /leavers answers 503, and the sender sends the event again. */
public class LeaverTopicUnavailableException extends RuntimeException {

    public LeaverTopicUnavailableException(OffboardingProperties.Kafka kafka, String reason) {
        super("The leaver topic " + kafka.topic() + " at " + kafka.brokers() + " (offboarding.kafka.brokers) did not "
                + "take the event: " + reason + ". The event was not accepted; send it again.");
    }
}
