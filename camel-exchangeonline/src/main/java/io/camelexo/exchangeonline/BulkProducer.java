package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.adminapi.BulkItemResult;
import io.camelexo.exchangeonline.adminapi.CmdletRequest;
import io.camelexo.exchangeonline.error.ExoException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * {@code bulk=true}: the body's items become one call each, and the body becomes one entry per item, in input order:
 * {@code Input}, {@code Records}, {@code Warnings}, {@code Error}. Every item is checked before anything is sent.
 */
final class BulkProducer {

    static final String ACCEPTED_BODIES = "an Iterable (such as a List), an array or an Iterator of items";

    private final ExoEndpoint endpoint;
    private final Function<Map<String, Object>, Object> convert;

    BulkProducer(ExoEndpoint endpoint, Function<Map<String, Object>, Object> convert) {
        this.endpoint = endpoint;
        this.convert = convert;
    }

    void process(Message in, String cmdlet, Map<String, Object> sharedParameters) {
        List<Object> inputs = items(in.getBody(), cmdlet);
        List<CmdletRequest> requests = new ArrayList<>(inputs.size());
        for (int index = 0; index < inputs.size(); index++) {
            requests.add(request(cmdlet, sharedParameters, inputs.get(index), index));
        }
        List<BulkItemResult> results = endpoint.getSession().invokeBulk(requests, endpoint.callOptions());
        List<Map<String, Object>> entries = new ArrayList<>(results.size());
        int failed = 0;
        for (int index = 0; index < results.size(); index++) {
            Map<String, Object> entry = entry(inputs.get(index), results.get(index));
            failed += entry.get("Error") != null ? 1 : 0;
            entries.add(entry);
        }
        in.setBody(entries);
        in.setHeader(ExoConstants.RESULT_COUNT, entries.size());
        in.setHeader(ExoConstants.FAILED_COUNT, failed);
    }

    private static List<Object> items(Object body, String cmdlet) {
        List<Object> items = new ArrayList<>();
        if (body instanceof Iterable<?> iterable) {
            iterable.forEach(items::add);
        } else if (body instanceof Iterator<?> iterator) {
            iterator.forEachRemaining(items::add);
        } else if (body != null && body.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(body); i++) {
                items.add(Array.get(body, i));
            }
        } else {
            throw invalid(cmdlet + " with bulk=true takes a body that is " + ACCEPTED_BODIES + ", got "
                    + (body == null ? "no body" : "a " + body.getClass().getName()));
        }
        return items;
    }

    /** A Map item is the call's parameters over the shared ones; any other item binds to inBody. */
    private CmdletRequest request(String cmdlet, Map<String, Object> sharedParameters, Object item, int index) {
        Map<String, Object> parameters = new LinkedHashMap<>(sharedParameters);
        String inBody = endpoint.getConfiguration().getInBody();
        if (item instanceof Map<?, ?> map) {
            map.forEach((name, value) -> parameters.put(String.valueOf(name), value));
        } else if (item != null && inBody != null) {
            parameters.put(inBody, item);
        } else {
            throw invalid(cmdlet + " with bulk=true: item " + index + " is "
                    + (item == null ? "null" : "a " + item.getClass().getName())
                    + "; an item is a Map of parameters, or a value bound to the parameter named by inBody"
                    + (inBody == null ? " (inBody is not set)" : ""));
        }
        try {
            return new CmdletRequest(
                    cmdlet,
                    parameters,
                    endpoint.selectedProperties(),
                    endpoint.getConfiguration().getPageSize());
        } catch (IllegalArgumentException e) {
            throw invalid(cmdlet + " with bulk=true: item " + index + ": " + e.getMessage());
        }
    }

    private Map<String, Object> entry(Object input, BulkItemResult result) {
        BulkItemResult.Failure failure = result.failure();
        List<Object> records = new ArrayList<>(result.records().size());
        try {
            result.records().forEach(record -> records.add(convert.apply(record)));
        } catch (ExoException e) {
            failure = failure != null ? failure : BulkItemResult.Failure.of(e, false);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Input", input);
        entry.put("Records", records);
        entry.put("Warnings", result.warnings());
        entry.put("Error", failure == null ? null : error(failure));
        return entry;
    }

    private static Map<String, Object> error(BulkItemResult.Failure failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("ExceptionType", failure.exceptionType());
        error.put("Message", failure.message());
        error.put("StatusCode", failure.statusCode());
        error.put("ErrorCode", failure.errorCode());
        error.put("RequestId", failure.requestId());
        error.put("OutcomeUnknown", failure.outcomeUnknown());
        return error;
    }

    private static ExoException invalid(String message) {
        return new ExoException(message + "; nothing was sent", 0, "InvalidParameter", null, null);
    }
}
