package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One cmdlet invocation from an InvokeCommand body ({@code {"CmdletInput":{"CmdletName":…,"Parameters":{…}}}},
 * docs/admin-api.md, "The InvokeCommand call"). Parameter names are case-insensitive, as in PowerShell; annotations ({@code X@odata.type})
 * are dropped, hashtables become maps. Typed getters fail with the service's ParameterBindingException.
 */
final class CmdletCall {

    private final String cmdlet;
    private final Map<String, Object> parameters;
    private final ObjectNode input;

    private CmdletCall(String cmdlet, Map<String, Object> parameters, ObjectNode input) {
        this.cmdlet = cmdlet;
        this.parameters = parameters;
        this.input = input;
    }

    static CmdletCall parseBody(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw AdminApiError.plain(
                    400, "BadRequest", "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AdminApiError.plain(400, "BadRequest", "The request body could not be read: " + e.getMessage());
        }
        if (root == null || !root.path("CmdletInput").isObject()) {
            throw AdminApiError.plain(
                    400,
                    "BadRequest",
                    "The request body must be a JSON object with a CmdletInput "
                            + "({\"CmdletInput\":{\"CmdletName\":\"...\",\"Parameters\":{...}}}).");
        }
        return fromInput((ObjectNode) root.get("CmdletInput"));
    }

    static CmdletCall fromInput(ObjectNode input) {
        JsonNode name = input.path("CmdletName");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw AdminApiError.plain(400, "BadRequest", "CmdletInput.CmdletName must be a non-empty string.");
        }
        Map<String, Object> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode given = input.path("Parameters");
        if (given.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().contains("@")) {
                    parameters.put(field.getKey(), plain(field.getValue()));
                }
            }
        }
        return new CmdletCall(name.asText().strip(), parameters, input);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().contains("@")) {
                    map.put(field.getKey(), plain(field.getValue()));
                }
            });
            return map;
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isIntegralNumber()) {
            return node.longValue();
        } else if (node.isNumber()) {
            return node.doubleValue();
        } else if (node.isNull()) {
            return null;
        }
        return node.asText();
    }

    String cmdlet() {
        return cmdlet;
    }

    /** The CmdletInput as received, kept in nextLinks so that a GET on one can repeat the call. */
    ObjectNode input() {
        return input;
    }

    Set<String> parameterNames() {
        return parameters.keySet();
    }

    boolean has(String name) {
        return parameters.containsKey(name);
    }

    Object value(String name) {
        return parameters.get(name);
    }

    String string(String name) {
        Object value = parameters.get(name);
        return value == null ? null : value.toString();
    }

    /**
     * A DateTime parameter: with a zone (seven fractional digits or fewer), without one (UTC, as the service reads
     * it), or a date alone (midnight UTC).
     *
     * @throws AdminApiError missing or not a time
     */
    Instant instant(String name) {
        String text = string(name);
        if (text == null) {
            throw AdminApiError.missingParameter(name);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw AdminApiError.invalidParameterValue(name, text, "System.DateTime");
                }
            }
        }
    }

    /** ResultSize of a cmdlet that validates it as 1..max (as the module's proxy does), or its default if absent. */
    int boundedResultSize(int defaultSize, int max) {
        Object value = value("ResultSize");
        if (value == null) {
            return defaultSize;
        }
        int size;
        try {
            size = Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw AdminApiError.invalidParameterValue("ResultSize", value, "System.Int32");
        }
        if (size < 1 || size > max) {
            throw AdminApiError.badRequest(
                    "System.Management.Automation.ValidationMetadataException",
                    "Cannot validate argument on parameter 'ResultSize'. The " + size + " argument is "
                            + (size < 1
                                    ? "less than the minimum allowed range of 1"
                                    : "greater than the maximum allowed range of " + max)
                            + ". Supply an argument that is in the range and then try the command again.");
        }
        return size;
    }

    String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw AdminApiError.missingParameter(name);
        }
        return value;
    }

    /** A switch or bool parameter; the strings "true"/"false" count too (monkey365 sends them). */
    boolean flag(String name) {
        Boolean value = bool(name);
        return value != null && value;
    }

    Boolean bool(String name) {
        Object value = parameters.get(name);
        if (value == null) {
            return null;
        } else if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("$true")) {
            return true;
        } else if (text.equals("false") || text.equals("$false")) {
            return false;
        }
        throw AdminApiError.invalidParameterValue(name, value, "System.Boolean");
    }

    /** A string or an array of strings as a list; null if absent. */
    List<String> strings(String name) {
        Object value = parameters.get(name);
        if (value == null) {
            return null;
        } else if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }

    /** A hashtable parameter ({@code @{Add=…;Remove=…}}), or null if the value is no hashtable. */
    @SuppressWarnings("unchecked")
    Map<String, Object> hashtable(String name) {
        return parameters.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
