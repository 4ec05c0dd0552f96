package io.camelexo.examples.offboarding;

import io.camelexo.exchangeonline.error.ExoException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Carries due events through the steps. Without Kafka the work queue is the leaver_events table: a pending event is
 * picked up again after a restart. Either way a step already in the audit trail is skipped, so an interrupted or
 * re-submitted event resumes where it stopped. A step that fails transiently is run again (with backoff) before the
 * event is dead-lettered; any other failure dead-letters it at once.
 */
@Component
public class OffboardingRoutes extends RouteBuilder {

    static final String LOG = "io.camelexo.examples.offboarding";
    /** Runs every step not yet done for the {@link LeaverEvent} in property {@link #LEAVER}. */
    static final String OFFBOARD = "direct:offboard-leaver";
    /** Exchange property: the {@link LeaverEvent} being offboarded. */
    static final String LEAVER = "leaver";
    /** Exchange property: the {@link OffboardingStep} running. */
    static final String STEP = "offboardingStep";
    /** Exchange property: what the running step reports for the audit trail, if more than its outcome. */
    static final String STEP_DETAIL = "offboardingStepDetail";

    private static final Logger DEAD_LETTERS = LoggerFactory.getLogger(LOG);
    private static final long MAX_STEP_RETRY_DELAY = 60_000;

    private final LeaverLedger ledger;
    private final OffboardingProperties properties;

    public OffboardingRoutes(LeaverLedger ledger, OffboardingProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    @Override
    public void configure() {
        onException(ExoException.class)
                .onWhen(exchange -> {
                    ExoException failure = exoFailure(exchange);
                    return failure != null && failure.isTransient();
                })
                .maximumRedeliveries(properties.stepRetries())
                .redeliveryDelay(properties.stepRetryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(MAX_STEP_RETRY_DELAY)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logRetryAttempted(true)
                .logExhausted(false)
                .handled(true)
                .process(this::deadLetter);
        onException(Exception.class).logExhausted(false).handled(true).process(this::deadLetter);

        RouteDefinition offboarding = from(OFFBOARD)
                .routeId("offboard-leaver")
                .log(LoggingLevel.INFO, LOG, "Offboarding ${exchangeProperty." + LEAVER + ".eventId}");
        for (OffboardingStep step : OffboardingStep.values()) {
            offboarding.setProperty(STEP, constant(step)).to(OffboardingStepRoutes.RUN_STEP);
        }
        offboarding
                .process(exchange -> ledger.complete(exchange.getProperty(LEAVER, LeaverEvent.class)))
                .log(LoggingLevel.INFO, LOG, "Offboarded ${exchangeProperty." + LEAVER + ".eventId}: every step done");

        // With Kafka, the instance that owns the person's partition offboards (LeaverTopicRoutes); alone, this one
        // polls the table
        if (!properties.kafka().enabled()) {
            from("sql:classpath:due-leaver-events.sql?delay="
                            + properties.pollInterval().toMillis() + "&initialDelay="
                            + properties.pollInterval().toMillis())
                    .routeId("offboard-due-leavers")
                    .setProperty(LEAVER)
                    .body(Map.class, row -> ledger.load((String) row.get("event_id")))
                    .to(OFFBOARD);
        }
    }

    /** The component's exception, also when a split wrapped it. */
    private static ExoException exoFailure(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return ObjectHelper.getException(ExoException.class, failure);
    }

    private void deadLetter(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LeaverEvent leaver = exchange.getProperty(LEAVER, LeaverEvent.class);
        OffboardingStep step = exchange.getProperty(STEP, OffboardingStep.class);
        if (leaver == null || step == null) {
            throw failure; // not a step that failed (the event could not be read): it stays pending for the next poll
        }
        ExoException exoFailure = exoFailure(exchange);
        Throwable cause = exoFailure != null ? exoFailure : NestedExceptionUtils.getMostSpecificCause(failure);
        String reason = exoFailure != null
                ? exoFailure.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        ledger.deadLetter(leaver, step, reason, exoFailure != null ? exoFailure.getRequestId() : null);
        DEAD_LETTERS.warn(
                "Leaver event {} dead-lettered at step {}: {}. Submit the event again to resume at this step.",
                leaver.eventId(),
                step.id(),
                reason);
    }
}
