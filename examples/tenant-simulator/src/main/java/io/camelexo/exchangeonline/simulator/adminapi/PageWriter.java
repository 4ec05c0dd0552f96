package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Response bodies: the InvokeCommand envelope and OData entity collections and entities (docs/admin-api.md,
 * "The InvokeCommand call", "Get-EXO* entity routes", "Paging").
 */
final class PageWriter {

    static final String MORE_RESULTS = "There are more results available than are currently displayed. "
            + "To view them, increase the value for the ResultSize parameter.";

    private PageWriter() {}

    /** Context, warnings (with their type annotation), nextLink, then value — the order of the captured envelope. */
    static byte[] invokeCommandPage(
            String context,
            List<String> warnings,
            String nextLink,
            List<Map<String, Object>> records,
            Selection selection) {
        return write(json -> {
            json.writeStringField("@odata.context", context);
            json.writeStringField("adminapi.warnings@odata.type", "#Collection(String)");
            json.writeArrayFieldStart("@adminapi.warnings");
            for (String warning : warnings) {
                json.writeString(warning);
            }
            json.writeEndArray();
            if (nextLink != null) {
                json.writeStringField("@odata.nextLink", nextLink);
            }
            writeValue(json, records, selection, RecordJson.Style.INVOKE_COMMAND, null, null);
        });
    }

    /** An entity collection; OData puts @odata.nextLink after value, so clients must take annotations on either side. */
    static byte[] entityCollection(
            String context,
            List<Map<String, Object>> records,
            String nextLink,
            Selection selection,
            String entityBase,
            Function<Map<String, Object>, String> editLinks) {
        return write(json -> {
            json.writeStringField("@odata.context", context);
            writeValue(json, records, selection, RecordJson.Style.ENTITY, entityBase, editLinks);
            if (nextLink != null) {
                json.writeStringField("@odata.nextLink", nextLink);
            }
        });
    }

    /** A keyed GET: the entity itself, no value array. */
    static byte[] entity(
            String context,
            Map<String, Object> record,
            Selection selection,
            String entityBase,
            Function<Map<String, Object>, String> editLinks) {
        return write(json -> {
            json.writeStringField("@odata.context", context);
            writeEntityLinks(json, record, entityBase, editLinks);
            RecordJson.writeProperties(json, record, selection, RecordJson.Style.ENTITY);
        });
    }

    private static void writeValue(
            JsonGenerator json,
            List<Map<String, Object>> records,
            Selection selection,
            RecordJson.Style style,
            String entityBase,
            Function<Map<String, Object>, String> editLinks)
            throws IOException {
        json.writeArrayFieldStart("value");
        for (Map<String, Object> record : records) {
            json.writeStartObject();
            writeEntityLinks(json, record, entityBase, editLinks);
            RecordJson.writeProperties(json, record, selection, style);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeEntityLinks(
            JsonGenerator json,
            Map<String, Object> record,
            String entityBase,
            Function<Map<String, Object>, String> editLinks)
            throws IOException {
        if (editLinks != null) {
            String editLink = editLinks.apply(record);
            json.writeStringField("@odata.id", entityBase + "/" + editLink);
            json.writeStringField("@odata.editLink", editLink);
        }
    }

    private interface Body {
        void writeFields(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator json = Json.FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            body.writeFields(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
