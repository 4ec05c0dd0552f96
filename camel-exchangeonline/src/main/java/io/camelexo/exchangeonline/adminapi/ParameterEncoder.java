package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns Java values into the JSON the module's {@code Transform-Parameters} sends (docs/admin-api.md, "The InvokeCommand call"):
 * switches and booleans as JSON booleans, collections as arrays, maps as {@code #Exchange.GenericHashTable},
 * a collection of maps with the {@code #Collection(Exchange.GenericHashTable)} sibling annotation,
 * dates converted to UTC in the sortable pattern, durations as TimeSpan text, SecureString and PSCredential values
 * RSA-encrypted ("SecureString and PSCredential parameters"), everything else as text.
 */
public final class ParameterEncoder {

    static final String HASHTABLE_TYPE = "#Exchange.GenericHashTable";
    static final String HASHTABLE_COLLECTION_TYPE = "#Collection(Exchange.GenericHashTable)";
    // Not confirmed whether ByteArrayType.Data is base64 (sent now) or an array of numbers; the byte[] branch of encode
    // is the one edit.
    static final String BYTE_ARRAY_TYPE = "#Exchange.ByteArrayType";
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParameterEncoder() {}

    /** SecureString parameters of common cmdlets, encrypted even when a route gives them as plain strings. */
    static final Set<String> SECURE_STRING_PARAMETERS =
            Set.of("password", "roommailboxpassword", "newpassword", "oldpassword");

    /**
     * The {@code Parameters} object of a CmdletInput; null values are dropped (PowerShell sends bound parameters only).
     *
     * @param secureStrings encrypts SecureString and PSCredential values; asked only when there are some
     */
    public static ObjectNode encodeParameters(Map<String, ?> parameters, Supplier<SecureStringKey> secureStrings) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, ?> entry : parameters.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof String text
                    && SECURE_STRING_PARAMETERS.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                value = ExoSecureString.of(text);
            }
            if (value instanceof ExoSecureString secure) {
                node.put(entry.getKey(), secureStrings.get().encrypt(secure.value()));
            } else if (value instanceof ExoPSCredential credential) {
                node.put(entry.getKey(), secureStrings.get().encrypt(credential.json()));
            } else if (value != null) {
                put(node, entry.getKey(), value);
            }
        }
        return node;
    }

    private static void putAll(ObjectNode target, Map<?, ?> values) {
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            if (entry.getValue() != null) {
                put(target, String.valueOf(entry.getKey()), entry.getValue());
            }
        }
    }

    private static void put(ObjectNode target, String name, Object value) {
        if (isCollectionOfMaps(value)) {
            target.put(name + "@odata.type", HASHTABLE_COLLECTION_TYPE);
        }
        target.set(name, encode(value));
    }

    static JsonNode encode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger bi) {
            return NODES.numberNode(bi);
        } else if (value instanceof BigDecimal bd) {
            return NODES.numberNode(bd);
        } else if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        } else if (value instanceof byte[] bytes) {
            ObjectNode node = NODES.objectNode();
            node.put("@odata.type", BYTE_ARRAY_TYPE);
            node.put("Data", Base64.getEncoder().encodeToString(bytes));
            return node;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            node.put("@odata.type", HASHTABLE_TYPE);
            putAll(node, map);
            return node;
        } else if (value instanceof Collection<?> collection) {
            ArrayNode array = NODES.arrayNode();
            collection.forEach(item -> array.add(encode(item)));
            return array;
        } else if (value instanceof Object[] objects) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : objects) {
                array.add(encode(item));
            }
            return array;
        } else if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        String temporal = formatTemporal(value);
        return NODES.textNode(temporal != null ? temporal : value.toString());
    }

    /** UTC, {@code yyyy-MM-ddTHH:mm:ss} without zone, as the module formats DateTime parameters; null if not a time. */
    static String formatTemporal(Object value) {
        if (value instanceof Instant instant) {
            return SORTABLE.format(instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof OffsetDateTime odt) {
            return SORTABLE.format(odt.withOffsetSameInstant(ZoneOffset.UTC));
        } else if (value instanceof ZonedDateTime zdt) {
            return SORTABLE.format(zdt.withZoneSameInstant(ZoneOffset.UTC));
        } else if (value instanceof LocalDateTime ldt) {
            return SORTABLE.format(ldt);
        } else if (value instanceof LocalDate date) {
            return SORTABLE.format(date.atStartOfDay());
        } else if (value instanceof Date date) {
            return formatTemporal(date.toInstant());
        } else if (value instanceof Calendar calendar) {
            return formatTemporal(calendar.toInstant());
        } else if (value instanceof Duration duration) {
            return timeSpan(duration);
        }
        return null;
    }

    /** .NET TimeSpan text: {@code [-][d.]hh:mm:ss}. */
    private static String timeSpan(Duration duration) {
        String sign = duration.isNegative() ? "-" : "";
        Duration abs = duration.abs();
        long days = abs.toDays();
        String clock = String.format("%02d:%02d:%02d", abs.toHoursPart(), abs.toMinutesPart(), abs.toSecondsPart());
        return sign + (days > 0 ? days + "." : "") + clock;
    }

    private static boolean isCollectionOfMaps(Object value) {
        return value instanceof Collection<?> collection
                && !collection.isEmpty()
                && collection.stream().allMatch(item -> item instanceof Map);
    }
}
