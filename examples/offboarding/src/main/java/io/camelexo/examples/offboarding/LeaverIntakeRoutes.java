package io.camelexo.examples.offboarding;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;

/**
 * Where leaver events come in. POST /leavers ({@link LeaverController}) and the drop folder check the event with
 * {@link LeaverEventReader} and hand it to direct:accept-leaver, which stores it, once, in the same transaction as
 * its id. Processing starts from the table ({@link OffboardingRoutes}), so an accepted event outlives any crash.
 */
@Component
public class LeaverIntakeRoutes extends RouteBuilder {

    static final String ACCEPT_LEAVER = "direct:accept-leaver";
    /** Exchange property: the event as received, kept with it. */
    static final String PAYLOAD = "leaverEventPayload";
    /** Exchange property: where the event came from (http, or the drop folder's file name). */
    static final String SOURCE = "leaverEventSource";

    private static final String EVENT_ID = "leaverEventId";

    private final LeaverEventReader reader;
    private final LeaverLedger ledger;
    private final IdempotentRepository leaverEventIds;
    private final OffboardingProperties properties;

    public LeaverIntakeRoutes(
            LeaverEventReader reader,
            LeaverLedger ledger,
            IdempotentRepository leaverEventIds,
            OffboardingProperties properties) {
        this.reader = reader;
        this.ledger = ledger;
        this.leaverEventIds = leaverEventIds;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(ACCEPT_LEAVER)
                .routeId("accept-leaver")
                .transacted()
                .setProperty(EVENT_ID)
                .body(LeaverEvent.class, LeaverEvent::eventId)
                .idempotentConsumer(exchangeProperty(EVENT_ID))
                .idempotentRepository(leaverEventIds)
                // the id stays registered once the event is stored, whatever happens to the caller's exchange after:
                // otherwise a Kafka commit refused in a rebalance would remove it, and the record read again would
                // re-open a completed event
                .completionEager(true)
                .skipDuplicate(false)
                .choice()
                .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE))
                .setBody()
                .body(LeaverEvent.class, ledger::duplicate)
                .log(
                        LoggingLevel.INFO,
                        OffboardingRoutes.LOG,
                        "Leaver event ${exchangeProperty." + EVENT_ID + "} from ${exchangeProperty." + SOURCE
                                + "} is a duplicate (${body.status}): ignored")
                .otherwise()
                .setBody()
                .exchange(exchange -> ledger.accept(
                        exchange.getIn().getBody(LeaverEvent.class),
                        exchange.getProperty(PAYLOAD, String.class),
                        exchange.getProperty(SOURCE, String.class)))
                .log(
                        LoggingLevel.INFO,
                        OffboardingRoutes.LOG,
                        "Leaver event ${exchangeProperty." + EVENT_ID + "} accepted from ${exchangeProperty." + SOURCE
                                + "}")
                .end()
                .end();

        // Writers may drop files in place: a file is read once it has stopped changing. A file that is not a valid
        // event is moved to .error with the reason logged; the sender's fix is a new file.
        from("file:" + properties.dropFolder() + "?antInclude=*.json&move=.done&moveFailed=.error"
                        + "&readLock=changed&readLockCheckInterval="
                        + properties.dropFolderSettle().toMillis())
                .routeId("leaver-drop-folder")
                .onException(InvalidLeaverEventException.class)
                .logExhausted(false)
                .log(
                        LoggingLevel.WARN,
                        OffboardingRoutes.LOG,
                        "${header.CamelFileName} moved to .error: ${exception.message}")
                .end()
                .convertBodyTo(String.class, "UTF-8")
                .setProperty(PAYLOAD, body())
                .setProperty(SOURCE, simple("drop-folder:${header.CamelFileName}"))
                .bean(reader, "read")
                .to(ACCEPT_LEAVER);
    }
}
