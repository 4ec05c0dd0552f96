package io.camelexo.exchangeonline.simulator.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the simulator's handlers see it, independent of WireMock (a $batch item is one too).
 * Header and query-option names are case-insensitive; {@link #note()} collects who called what, for the journal.
 */
public final class SimRequest {

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String baseUrl;
    private final CallNote note;

    /**
     * @param url     path and query, percent-encoded as received
     * @param baseUrl scheme, host and port the client used, for absolute links in responses
     */
    public SimRequest(
            String method, String url, Map<String, List<String>> headers, byte[] body, String baseUrl, CallNote note) {
        this.method = method.toUpperCase(Locale.ROOT);
        int question = url.indexOf('?');
        this.rawPath = question < 0 ? url : url.substring(0, question);
        this.rawQuery = question < 0 ? "" : url.substring(question + 1);
        this.query = parseQuery(rawQuery);
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.headers.putAll(headers);
        this.body = body == null ? new byte[0] : body;
        this.baseUrl = baseUrl;
        this.note = note;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return options;
    }

    public static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String method() {
        return method;
    }

    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** Path and query as received. */
    public String url() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    /** The first value of a query option, decoded, or null. */
    public String queryOption(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public CallNote note() {
        return note;
    }

    /** The decoded fields of an application/x-www-form-urlencoded body. */
    public Map<String, String> formFields() {
        Map<String, String> fields = new TreeMap<>();
        parseQuery(bodyText()).forEach((name, values) -> fields.put(name, values.get(0)));
        return fields;
    }
}
