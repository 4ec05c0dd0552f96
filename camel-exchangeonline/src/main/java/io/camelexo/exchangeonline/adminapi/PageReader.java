package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one received page record by record with Jackson's streaming parser, so a 15 MB page is never held as records
 * all at once. Top-level annotations ({@code @odata.nextLink}, {@code @adminapi.warnings}, {@code @adminapi.errors})
 * may come before or after {@code value}; they are final once {@link #nextRecord()} has returned null.
 * A keyed entity GET answers with one object instead of a {@code value} array: that object is the one record.
 */
final class PageReader implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // built once: looking the record type up for every record costs a noticeable share of the parse
    private static final ObjectReader RECORD_READER = MAPPER.readerFor(Records.MAP_TYPE);

    private final JsonParser parser;
    private final ReceivedPage page;
    private final InputStream body;
    private final int statusCode;
    private final String requestId;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Object> singleEntity = new LinkedHashMap<>();
    private URI nextLink;
    private boolean inValue;
    private boolean sawValue;
    private boolean finished;

    PageReader(ReceivedPage page) {
        this.page = page;
        this.statusCode = page.statusCode();
        this.requestId = page.requestId();
        this.body = page.open();
        try {
            this.parser = JSON.createParser(body);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw protocolFailure("the response is not a JSON object (first token " + first + ")", null);
            }
        } catch (IOException e) {
            throw protocolFailure(e);
        }
    }

    /** Whether the page's JSON ended before it was complete, as a body cut short does. */
    static boolean endedEarly(ExoProtocolException failure) {
        return failure.getCause() instanceof JsonEOFException;
    }

    /** The next record with OData annotations removed, or null at the end of the page. */
    Map<String, Object> nextRecord() {
        try {
            while (!finished) {
                if (inValue) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.START_OBJECT) {
                        return Records.clean(RECORD_READER.readValue(parser));
                    } else if (token == JsonToken.END_ARRAY) {
                        inValue = false;
                    } else if (token == null) {
                        throw protocolFailure("the response ended inside the value array", null);
                    } else {
                        throw protocolFailure("unexpected " + token + " in the value array", null);
                    }
                } else {
                    readTopLevelField();
                }
            }
            return pendingSingleEntity();
        } catch (IOException e) {
            throw protocolFailure(e);
        }
    }

    private void readTopLevelField() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            finished = true;
            return;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw protocolFailure("the response ended before its closing brace", null);
        }
        String name = parser.currentName();
        JsonToken valueToken = parser.nextToken();
        switch (name) {
            case "value" -> {
                if (valueToken != JsonToken.START_ARRAY) {
                    throw protocolFailure("'value' is not an array", null);
                }
                inValue = true;
                sawValue = true;
                singleEntity.clear();
            }
            case "@odata.nextLink", "odata.nextLink" ->
                nextLink = valueToken == JsonToken.VALUE_STRING ? URI.create(parser.getText()) : null;
            case "@adminapi.warnings" -> readStrings(valueToken, warnings);
            case "@adminapi.errors" -> readStrings(valueToken, errors);
            default -> {
                if (Records.isAnnotation(name) || sawValue) {
                    parser.skipChildren();
                } else {
                    singleEntity.put(name, Records.cleanValue(MAPPER.readValue(parser, Object.class)));
                }
            }
        }
    }

    private void readStrings(JsonToken token, List<String> target) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            for (Iterator<Object> it = MAPPER.readValue(parser, List.class).iterator(); it.hasNext(); ) {
                Object item = it.next();
                target.add(item instanceof String s ? s : MAPPER.writeValueAsString(item));
            }
        } else if (token == JsonToken.VALUE_STRING) {
            target.add(parser.getText());
        } else {
            parser.skipChildren();
        }
    }

    private Map<String, Object> pendingSingleEntity() {
        if (sawValue || singleEntity.isEmpty()) {
            return null;
        }
        Map<String, Object> entity = new LinkedHashMap<>(singleEntity);
        singleEntity.clear();
        return entity;
    }

    URI nextLink() {
        return nextLink;
    }

    /** The page this reader reads, to ask for it again after its body turned out to be cut short. */
    ReceivedPage page() {
        return page;
    }

    List<String> warnings() {
        return warnings;
    }

    List<String> errors() {
        return errors;
    }

    int statusCode() {
        return statusCode;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            body.close();
        } catch (IOException ignored) {
            // releasing the connection is best effort; nothing left to read
        }
    }

    private ExoProtocolException protocolFailure(IOException e) {
        String what = e instanceof JsonProcessingException jpe
                ? "the response body is not valid JSON (" + jpe.getOriginalMessage() + ")"
                : "reading the response failed: " + e.getMessage();
        return protocolFailure(what, e);
    }

    private ExoProtocolException protocolFailure(String what, Throwable cause) {
        closeQuietly();
        return new ExoProtocolException(
                "Exchange Online answered HTTP " + statusCode + " but " + what, statusCode, requestId, cause);
    }
}
