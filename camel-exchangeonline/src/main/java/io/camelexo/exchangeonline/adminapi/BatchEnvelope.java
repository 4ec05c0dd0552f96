package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One {@code $batch} request (docs/admin-api.md, "$batch"): up to ten planned calls, each with its own URL, headers,
 * body and client-request-id, sent as one POST through the session's usual path (governor, token, redirects, and a
 * whole re-send only when the service refused the envelope before running anything); the answer is split into one
 * {@link ItemAnswer} per call.
 */
final class BatchEnvelope {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Cmdlets the service routes to the mailbox's own server and does not run inside a {@code $batch}: those the module
     * leaves out of its pipeline batching, and the Get-EXO* counterparts of the same lookups.
     */
    private static final Set<String> ROUTED_BY_MAILBOX = Set.of(
            "get-mailboxpermission",
            "get-mailboxfolderstatistics",
            "get-mobiledevicestatistics",
            "get-inboxrule",
            "get-exomailboxpermission",
            "get-exomailboxfolderstatistics",
            "get-exomobiledevicestatistics");
    /** Every verb of these nouns is routed by mailbox. */
    private static final Set<String> NOUNS_ROUTED_BY_MAILBOX = Set.of("focusedinbox", "clutter");

    private BatchEnvelope() {}

    /** Whether the service runs the cmdlet inside a {@code $batch}; the others go as single calls. */
    static boolean accepts(String cmdlet) {
        String lower = cmdlet.toLowerCase(Locale.ROOT);
        return !ROUTED_BY_MAILBOX.contains(lower)
                && !NOUNS_ROUTED_BY_MAILBOX.contains(lower.substring(lower.indexOf('-') + 1));
    }

    /**
     * One item's part of the envelope's answer.
     *
     * @param headers header names in lower case, as the service writes them inside a batch
     * @param body    the item's body: JSON as its text, any other body (an HTML page, plain text) as it came
     */
    record ItemAnswer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends the calls as one envelope and returns their answers in the same order, null for a call the answer leaves
     * out.
     *
     * @throws io.camelexo.exchangeonline.error.ExoException when the envelope itself failed; {@link
     *     AdminApiClient#mayHaveRun} says whether its items may have run
     */
    static List<ItemAnswer> send(AdminApiClient client, List<AdminApiClient.Call> calls, CallOptions options) {
        AdminApiClient.Call envelope = client.batchEnvelope(calls.get(0).request, body(client, calls), options);
        ReceivedPage answer = envelope.fetch(null, 0);
        Map<String, ItemAnswer> byId = new TreeMap<>();
        try (InputStream in = answer.open()) {
            JsonNode responses = MAPPER.readTree(in).path("responses");
            if (!responses.isArray()) {
                throw new IOException("it has no responses array");
            }
            for (JsonNode response : responses) {
                byId.put(response.path("id").asText(), itemAnswer(response));
            }
        } catch (IOException | UncheckedIOException e) {
            throw envelope.readFailure(new ExoProtocolException(
                    "Exchange Online answered the $batch request with HTTP " + answer.statusCode()
                            + " but the answer cannot be read: " + e.getMessage(),
                    answer.statusCode(),
                    envelope.requestId,
                    e));
        }
        List<ItemAnswer> answers = new ArrayList<>();
        for (int id = 0; id < calls.size(); id++) {
            answers.add(byId.get(String.valueOf(id)));
        }
        return answers;
    }

    /** {@code {"requests":[{"id","method","url","headers","body"}, ...]}}, ids "0".."9" as the module numbers them. */
    private static byte[] body(AdminApiClient client, List<AdminApiClient.Call> calls) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeArrayFieldStart("requests");
            for (int id = 0; id < calls.size(); id++) {
                AdminApiClient.Call call = calls.get(id);
                json.writeStartObject();
                json.writeStringField("id", String.valueOf(id));
                json.writeStringField("method", call.body != null ? "POST" : "GET");
                json.writeStringField(
                        "url", client.location().resolve(call.firstPageRelative).toString());
                json.writeObjectFieldStart("headers");
                int pageSize = call.limit.preferredPageSize(call.request.pageSize(), 0);
                for (Map.Entry<String, String> header : client.callHeaders(
                                call, "odata.maxpagesize=" + pageSize + ";" + AdminApiClient.BATCH_PREFER)
                        .entrySet()) {
                    json.writeStringField(header.getKey(), header.getValue());
                }
                if (call.body != null) {
                    json.writeStringField("Content-Type", "application/json");
                }
                json.writeEndObject();
                if (call.body != null) {
                    json.writeFieldName("body");
                    json.writeRawValue(new String(call.body, StandardCharsets.UTF_8));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ItemAnswer itemAnswer(JsonNode response) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            headers.put(
                    header.getKey().toLowerCase(Locale.ROOT), header.getValue().asText());
        }
        JsonNode body = response.path("body");
        byte[] bytes = body.isMissingNode() || body.isNull()
                ? new byte[0]
                : body.isTextual() ? body.asText().getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(body);
        return new ItemAnswer(response.path("status").asInt(0), headers, bytes);
    }
}
