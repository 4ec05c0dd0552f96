package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.adminapi.CmdletResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Polls a read cmdlet: each poll runs it to the end and hands on every record as an exchange of its own, page by page
 * as the pages arrive (a listing is never held whole). A failed exchange goes to the consumer's exception handler
 * (or, with bridgeErrorHandler, the route's) and the poll carries on with the next record; a failed call ends the poll.
 */
public class ExoConsumer extends ScheduledPollConsumer {

    private final ExoEndpoint endpoint;

    public ExoConsumer(ExoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected int poll() throws Exception {
        int delivered = 0;
        try (CmdletResult result = endpoint.getSession().invoke(endpoint.pollRequest(), endpoint.callOptions())) {
            while (isPollAllowed() && result.hasNext()) {
                Exchange exchange = createExchange(false);
                exchange.getMessage().setBody(endpoint.toOutput(result.next()));
                exchange.getMessage().setHeader(ExoConstants.REQUEST_ID, result.requestId());
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                if (exchange.getException() != null) {
                    getExceptionHandler()
                            .handleException(
                                    "Error processing a record of " + endpoint.getCmdlet(),
                                    exchange,
                                    exchange.getException());
                }
                releaseExchange(exchange, false);
                delivered++;
            }
        }
        return delivered;
    }
}
