package io.camelexo.examples.warehouse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Exchange's ByteQuantifiedSize text, e.g. {@code "49.5 GB (53,150,220,288 bytes)"}: the exact count is in brackets. */
final class ByteQuantity {

    private static final Pattern BYTES = Pattern.compile("\\(([\\d,.\\s\u00a0']+) bytes?\\)");

    private ByteQuantity() {}

    /** The byte count, or null for null, "Unlimited" or text without a byte count. */
    static Long parse(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value == null) {
            return null;
        }
        Matcher matcher = BYTES.matcher(value.toString());
        if (!matcher.find()) {
            return null;
        }
        // the group separator follows the server's culture: comma, dot, space or apostrophe
        return Long.parseLong(matcher.group(1).replaceAll("[^\\d]", ""));
    }
}
