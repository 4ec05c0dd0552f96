package io.camelexo.exchangeonline.simulator.adminapi;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a Set-* parameter into the value its property holds, by the property's current type: booleans (JSON or
 * "true"), multi-valued properties (replace with an array, or {@code @{Add=…;Remove=…}} hashtable), integers, DateTimes
 * (the module's {@code yyyy-MM-ddTHH:mm:ss} in UTC, ISO with offset, or {@code yyyy-MM-dd HH:mm}), text. $null clears.
 */
final class PropertyValues {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private PropertyValues() {}

    static Object coerce(CmdletCall call, String parameter, Object current) {
        Object given = call.value(parameter);
        if (given == null) {
            return null;
        } else if (current instanceof Boolean) {
            return call.bool(parameter);
        } else if (current instanceof List<?> values) {
            Map<String, Object> delta = call.hashtable(parameter);
            return delta != null ? applyDelta(values, delta) : call.strings(parameter);
        } else if (current instanceof Integer) {
            try {
                return Integer.parseInt(given.toString().strip());
            } catch (NumberFormatException e) {
                throw AdminApiError.invalidParameterValue(parameter, given, "System.Int32");
            }
        } else if (current instanceof OffsetDateTime) {
            return dateTime(parameter, given.toString());
        }
        return given.toString();
    }

    /** Matches an enumeration value case-insensitively and returns its canonical spelling. */
    static String enumeration(CmdletCall call, String parameter, String dotNetType, List<String> names) {
        String given = call.string(parameter);
        for (String name : names) {
            if (name.equalsIgnoreCase(given.strip())) {
                return name;
            }
        }
        throw AdminApiError.badRequest(
                "System.Management.Automation.ParameterBindingException",
                "Cannot bind parameter '" + parameter
                        + "'. Cannot convert value \"" + given + "\" to type \"" + dotNetType
                        + "\". Error: \"Unable to match the identifier name "
                        + given
                        + " to a valid enumerator name. Specify one of the following enumerator names and try again: "
                        + String.join(", ", names) + "\"");
    }

    private static List<String> applyDelta(List<?> current, Map<String, Object> delta) {
        List<String> values = new ArrayList<>();
        current.forEach(value -> values.add(value.toString()));
        for (String removed : items(delta.get("Remove"))) {
            values.removeIf(value -> value.equalsIgnoreCase(removed));
        }
        for (String added : items(delta.get("Add"))) {
            if (values.stream().noneMatch(value -> value.equalsIgnoreCase(added))) {
                values.add(added);
            }
        }
        return List.copyOf(values);
    }

    private static List<String> items(Object value) {
        if (value == null) {
            return List.of();
        } else if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }

    private static OffsetDateTime dateTime(String parameter, String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notIso) {
                try {
                    return LocalDateTime.parse(value, SPACED).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw AdminApiError.invalidParameterValue(parameter, text, "System.DateTime");
                }
            }
        }
    }
}
