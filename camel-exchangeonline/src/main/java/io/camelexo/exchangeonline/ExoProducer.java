package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.adminapi.CmdletRequest;
import io.camelexo.exchangeonline.adminapi.CmdletResult;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoCommandNotAllowedException;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.feed.FeedWindow;
import io.camelexo.exchangeonline.feed.TimeRange;
import io.camelexo.exchangeonline.feed.WindowReader;
import io.camelexo.exchangeonline.feed.WindowStream;
import java.io.Closeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Turns an exchange into a cmdlet call and the result into the body: resolves the cmdlet (header over URI) and its
 * parameters (URI, then header map, then body), enforces the allow-list, and shapes the records per outputType.
 */
public class ExoProducer extends DefaultProducer {

    private final ExoEndpoint endpoint;
    private final CommandAllowList allowList;
    private final BulkProducer bulk;

    public ExoProducer(ExoEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.allowList = new CommandAllowList(endpoint.getConfiguration().getCommandName());
        this.bulk = new BulkProducer(endpoint, endpoint::toOutput);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String cmdlet = in.getHeader(ExoConstants.CMDLET, endpoint.getCmdlet(), String.class)
                .strip();
        if (!allowList.allows(cmdlet)) {
            throw new ExoCommandNotAllowedException(cmdlet + " is not in commandName ("
                    + endpoint.getConfiguration().getCommandName() + ") of " + endpoint.getEndpointBaseUri()
                    + "; nothing was sent");
        }
        if (LocalCmdlets.handles(cmdlet)) {
            setBody(in, LocalCmdlets.run(cmdlet, endpoint));
            return;
        }
        if (endpoint.getConfiguration().isBulk()) {
            bulk.process(in, cmdlet, sharedParameters(in));
            return;
        }
        TimeRange range;
        try {
            range = TimeRange.of(cmdlet, parameters(in), Instant.now());
        } catch (IllegalArgumentException e) {
            throw new ExoException(cmdlet + " was not sent: " + e.getMessage(), 0, "InvalidParameter", null, e);
        }
        if (range != null) {
            processRange(exchange, in, cmdlet, range);
            return;
        }
        CmdletRequest request;
        CmdletResult result;
        try {
            request = new CmdletRequest(
                    cmdlet,
                    parameters(in),
                    endpoint.selectedProperties(),
                    endpoint.getConfiguration().getPageSize());
            result = endpoint.getSession().invoke(request, endpoint.callOptions());
        } catch (IllegalArgumentException e) {
            // a parameter the request cannot be built from is reported as an ExoException, as every failure is
            throw new ExoException(cmdlet + " was not sent: " + e.getMessage(), 0, "InvalidParameter", null, e);
        }
        in.setHeader(ExoConstants.REQUEST_ID, result.requestId());
        ExoOutputType outputType = endpoint.getConfiguration().getOutputType();
        // a write may report errors with HTTP 200 after its (usually empty) output: read it whole whatever the output
        // type
        if (outputType == ExoOutputType.List || !request.isRead()) {
            List<Object> records = readAll(result);
            in.setHeader(ExoConstants.WARNINGS, List.copyOf(result.warnings()));
            switch (outputType) {
                case List -> in.setBody(records);
                case Single -> in.setBody(records.isEmpty() ? null : records.get(0));
                case Stream -> in.setBody(records.iterator());
            }
            in.setHeader(
                    ExoConstants.RESULT_COUNT,
                    outputType == ExoOutputType.Single ? Math.min(1, records.size()) : records.size());
        } else if (outputType == ExoOutputType.Single) {
            try (result) {
                Object first = result.hasNext() ? endpoint.toOutput(result.next()) : null;
                in.setBody(first);
                in.setHeader(ExoConstants.RESULT_COUNT, first == null ? 0 : 1);
                in.setHeader(ExoConstants.WARNINGS, List.copyOf(result.warnings()));
            }
        } else {
            in.setBody(new RecordIterator(result, result::close, exchange));
            in.setHeader(ExoConstants.WARNINGS, result.warnings());
            // a route that never reads the stream (or fails first) still releases the connection
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    result.close();
                }
            });
        }
    }

    /**
     * Search-UnifiedAuditLog or Get-MessageTraceV2 with ResultSize=Unlimited: the whole StartDate..EndDate, read with
     * the feeds' paging (sessions, the trace's keyset walk and quota) rather than the one call of at most 5,000 rows.
     */
    private void processRange(Exchange exchange, Message in, String cmdlet, TimeRange range) {
        WindowReader reader = endpoint.windowReader(cmdlet, range.filters());
        List<FeedWindow> windows = range.windows(ExoEndpoint.longestWindow(cmdlet));
        ExoOutputType outputType = endpoint.getConfiguration().getOutputType();
        if (outputType == ExoOutputType.Stream) {
            WindowStream stream = new WindowStream(reader, windows, "exo-range-" + cmdlet);
            in.setBody(new RecordIterator(stream, stream::close, exchange));
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    stream.close();
                }
            });
            return;
        }
        List<Object> records = new ArrayList<>();
        for (FeedWindow window : windows) {
            boolean more = reader.read(window, (record, recordId) -> {
                records.add(endpoint.toOutput(record));
                return outputType != ExoOutputType.Single;
            });
            if (!more) {
                break;
            }
        }
        in.setBody(outputType == ExoOutputType.Single ? (records.isEmpty() ? null : records.get(0)) : records);
        in.setHeader(ExoConstants.RESULT_COUNT, records.size());
    }

    private Map<String, Object> parameters(Message in) {
        Map<String, Object> parameters = sharedParameters(in);
        String inBody = endpoint.getConfiguration().getInBody();
        if (inBody != null && in.getBody() != null) {
            parameters.put(inBody, in.getBody());
        }
        return parameters;
    }

    /** The URI's parameters with the header's merged over them. */
    private Map<String, Object> sharedParameters(Message in) {
        Map<String, Object> parameters = endpoint.uriParameters();
        Map<?, ?> overrides = in.getHeader(ExoConstants.PARAMETERS, Map.class);
        if (overrides != null) {
            overrides.forEach((name, value) -> parameters.put(String.valueOf(name), value));
        }
        return parameters;
    }

    private List<Object> readAll(CmdletResult result) {
        List<Object> records = new ArrayList<>();
        try (result) {
            while (result.hasNext()) {
                records.add(endpoint.toOutput(result.next()));
            }
        } catch (ExoCmdletException e) {
            throw e.withRecords(records);
        }
        return records;
    }

    private void setBody(Message in, Map<String, Object> record) {
        switch (endpoint.getConfiguration().getOutputType()) {
            case List -> in.setBody(record == null ? List.of() : List.of(endpoint.toOutput(record)));
            case Single -> in.setBody(record == null ? null : endpoint.toOutput(record));
            case Stream ->
                in.setBody(
                        record == null
                                ? List.of().iterator()
                                : List.of(endpoint.toOutput(record)).iterator());
        }
        in.setHeader(ExoConstants.RESULT_COUNT, record == null ? 0 : 1);
    }

    /** The lazy body of outputType=Stream: converts records on the fly; closing it stops the paging. */
    private final class RecordIterator implements Iterator<Object>, Closeable {
        private final Iterator<Map<String, Object>> result;
        private final Runnable stop;
        private final Exchange exchange;

        RecordIterator(Iterator<Map<String, Object>> result, Runnable stop, Exchange exchange) {
            this.result = result;
            this.stop = stop;
            this.exchange = exchange;
        }

        /**
         * Ends the stream once the exchange has failed or was stopped: after stopOnException, Camel's multicast walks
         * the remaining split pairs to release them, which would otherwise pull every remaining page.
         */
        @Override
        public boolean hasNext() {
            if (exchange.isFailed() || exchange.isRouteStop()) {
                stop.run();
                return false;
            }
            return result.hasNext();
        }

        @Override
        public Object next() {
            return endpoint.toOutput(result.next());
        }

        @Override
        public void close() {
            stop.run();
        }
    }

    /**
     * Cmdlets answered from the session's own state, with no request to the service: the module too answers
     * Get-ConnectionInformation locally and disconnects without a call (it only drops its tokens).
     */
    private static final class LocalCmdlets {
        private static final String CONNECTION_INFORMATION = "Get-ConnectionInformation";
        private static final String DISCONNECT = "Disconnect-ExchangeOnline";

        static boolean handles(String cmdlet) {
            return cmdlet.equalsIgnoreCase(CONNECTION_INFORMATION) || cmdlet.equalsIgnoreCase(DISCONNECT);
        }

        static Map<String, Object> run(String cmdlet, ExoEndpoint endpoint) {
            if (cmdlet.equalsIgnoreCase(DISCONNECT)) {
                endpoint.getSession().disconnect();
                return null;
            }
            // the module's property order: PageSize (the asking endpoint's, not the session's) comes right after AppId
            Map<String, Object> info = new LinkedHashMap<>();
            endpoint.getSession().connectionInformation().forEach((name, value) -> {
                info.put(name, value);
                if (name.equals("AppId")) {
                    info.put("PageSize", endpoint.getConfiguration().getPageSize());
                }
            });
            return info;
        }
    }
}
