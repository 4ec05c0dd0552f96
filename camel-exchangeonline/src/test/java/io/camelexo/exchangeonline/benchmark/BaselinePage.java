package io.camelexo.exchangeonline.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;

/**
 * What a baseline client without the component does with a page of InvokeCommand: streams it with Jackson, parses each
 * record into a Map (and drops it) and keeps the nextLink.
 */
record BaselinePage(int records, String nextLink) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    static BaselinePage read(InputStream body) throws IOException {
        int records = 0;
        String next = null;
        try (InputStream in = body;
                JsonParser parser = JSON.createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("value")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        MAPPER.readValue(parser, LinkedHashMap.class);
                        records++;
                    }
                } else if (field.equals("@odata.nextLink")) {
                    next = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new BaselinePage(records, next);
    }
}
