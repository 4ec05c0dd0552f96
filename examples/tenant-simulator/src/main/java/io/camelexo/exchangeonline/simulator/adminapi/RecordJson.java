package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes records the way the Admin API does (docs/admin-api.md, "The InvokeCommand call"). InvokeCommand flattens cmdlet output into
 * Exchange.GenericHashTable: collections get {@code X@odata.type}, Guids and integers get both {@code X@data.type} and
 * {@code X@odata.type}, DateTimes only {@code X@data.type}. Entity routes (Get-EXO*) are typed OData entities:
 * their exact annotations are not known; the simulator gives them only {@code X@odata.type}, with the same value formats.
 */
public final class RecordJson {

    /** Which annotation dialect to write. */
    public enum Style {
        INVOKE_COMMAND,
        ENTITY
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");
    private static final DateTimeFormatter DATE_TIME_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'");

    private RecordJson() {}

    /** Writes the record's properties (not its braces), keeping only those the selection wants. */
    static void writeProperties(JsonGenerator json, Map<String, Object> record, Selection selection, Style style)
            throws IOException {
        for (Map.Entry<String, Object> property : record.entrySet()) {
            if (selection.wants(property.getKey())) {
                writeProperty(json, property.getKey(), property.getValue(), style);
            }
        }
    }

    private static void writeProperty(JsonGenerator json, String name, Object value, Style style) throws IOException {
        if (value instanceof List<?> list) {
            json.writeStringField(name + "@odata.type", "#Collection(String)");
            json.writeArrayFieldStart(name);
            for (Object item : list) {
                json.writeString(String.valueOf(item));
            }
            json.writeEndArray();
        } else if (value instanceof UUID guid) {
            annotate(json, name, "System.Guid", "#Guid", style);
            json.writeStringField(name, guid.toString());
        } else if (value instanceof Integer number) {
            annotate(json, name, "System.Int32", "#Int32", style);
            json.writeNumberField(name, number);
        } else if (value instanceof Long number) {
            annotate(json, name, "System.Int64", "#Int64", style);
            json.writeNumberField(name, number);
        } else if (value instanceof OffsetDateTime || value instanceof Instant) {
            if (style == Style.INVOKE_COMMAND) {
                json.writeStringField(name + "@data.type", "System.DateTime");
            } else {
                json.writeStringField(name + "@odata.type", "#DateTimeOffset");
            }
            json.writeStringField(name, wireValue(value).toString());
        } else if (value instanceof Boolean flag) {
            json.writeBooleanField(name, flag);
        } else if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value.toString());
        }
    }

    private static void annotate(JsonGenerator json, String name, String dataType, String odataType, Style style)
            throws IOException {
        if (style == Style.INVOKE_COMMAND) {
            json.writeStringField(name + "@data.type", dataType);
        }
        json.writeStringField(name + "@odata.type", odataType);
    }

    /** The record as a client sees it once annotations are stripped: strings, numbers, booleans, lists, nulls. */
    public static Map<String, Object> plain(Map<String, Object> record) {
        Map<String, Object> plain = new LinkedHashMap<>();
        record.forEach((name, value) -> plain.put(name, wireValue(value)));
        return plain;
    }

    /** A value as the wire spells it: DateTimes and GUIDs as their text, lists item by item, the rest unchanged. */
    static Object wireValue(Object value) {
        if (value instanceof OffsetDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        } else if (value instanceof Instant instant) {
            // not atOffset: ZoneOffset.getRules() builds new ZoneRules on every call
            return DATE_TIME_UTC.format(
                    LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC));
        } else if (value instanceof UUID guid) {
            return guid.toString();
        } else if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(wireValue(item)));
            return items;
        }
        return value;
    }
}
