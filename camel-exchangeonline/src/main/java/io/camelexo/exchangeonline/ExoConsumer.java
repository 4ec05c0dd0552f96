package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.adminapi.CmdletResult;
import io.camelexo.exchangeonline.feed.FeedWindow;
import io.camelexo.exchangeonline.feed.WindowReader;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a read cmdlet and hands on every record as an exchange of its own, page by page as the pages arrive (a listing
 * is never held whole).
 * <ul>
 *   <li>Any read cmdlet: each poll runs it to the end. A failed exchange goes to the consumer's exception handler (or,
 *       with bridgeErrorHandler, the route's) and the poll carries on with the next record; a failed call ends the
 *       poll.
 *   <li>A time-window feed (Search-UnifiedAuditLog, Get-MessageTraceV2): each poll reads the windows after the saved watermark, oldest
 *       first. The watermark moves to a window's end only once every record of it was processed without an exception;
 *       a failed exchange ends the poll, and the next poll reads that window again (at least once, no gap).
 * </ul>
 */
public class ExoConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ExoConsumer.class);
    /** Keeps the first window clear of the retention edge, which moves on while the poll runs. */
    private static final Duration RETENTION_MARGIN = Duration.ofMinutes(10);

    private final ExoEndpoint endpoint;
    private StateRepository<String, String> watermarks;
    private boolean ownsWatermarks;

    public ExoConsumer(ExoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        if (endpoint.isTimeWindowFeed()) {
            watermarks = endpoint.getConfiguration().getStateRepository();
            ownsWatermarks = watermarks == null;
            if (ownsWatermarks) {
                // one file per feed: two feeds sharing a file would overwrite each other's watermark
                File file = new File(endpoint.getConfiguration().getStateDirectory(), endpoint.feedId() + ".state");
                watermarks = FileStateRepository.fileStateRepository(file);
            }
            ServiceHelper.startService(watermarks);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownsWatermarks) {
            ServiceHelper.stopService(watermarks);
        }
    }

    @Override
    protected int poll() throws Exception {
        return endpoint.isTimeWindowFeed() ? pollWindows() : pollListing();
    }

    private int pollListing() {
        int delivered = 0;
        try (CmdletResult result = endpoint.getSession().invoke(endpoint.pollRequest(), endpoint.callOptions())) {
            while (isPollAllowed() && result.hasNext()) {
                String requestId = result.requestId();
                deliver(result.next(), message -> message.setHeader(ExoConstants.REQUEST_ID, requestId));
                delivered++;
            }
        }
        return delivered;
    }

    private int pollWindows() {
        String feedId = endpoint.feedId();
        Instant now = Instant.now();
        Instant watermark = savedWatermark(feedId, now);
        WindowReader reader = endpoint.feedReader();
        int[] delivered = {0};
        for (FeedWindow window : endpoint.feedSchedule().windows(watermark, now)) {
            boolean complete = reader.read(window, (record, recordId) -> {
                if (!isPollAllowed()) {
                    return false;
                }
                delivered[0]++;
                return deliver(record, message -> {
                    message.setHeader(ExoConstants.RECORD_ID, recordId);
                    message.setHeader(ExoConstants.WINDOW_START, window.start());
                    message.setHeader(ExoConstants.WINDOW_END, window.end());
                });
            });
            if (!complete) {
                break;
            }
            watermarks.setState(feedId, window.end().toString());
        }
        return delivered[0];
    }

    private Instant savedWatermark(String feedId, Instant now) {
        String saved = watermarks.getState(feedId);
        if (saved == null) {
            return endpoint.feedStart(now);
        }
        try {
            return Instant.parse(saved);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "The saved watermark of feed " + feedId + " is not an instant: " + saved
                            + "; correct or remove it in the state repository",
                    e);
        }
    }

    /** Processes one record as an exchange; false if it failed (the failure went to the exception handler). */
    private boolean deliver(Map<String, Object> record, Consumer<Message> headers) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(endpoint.toOutput(record));
            headers.accept(exchange.getMessage());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null;
        if (!ok) {
            getExceptionHandler()
                    .handleException(
                            "Error processing a record of " + endpoint.getCmdlet(), exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }
}
