package io.camelexo.exchangeonline.simulator.tenant;

/**
 * The Names a filter can let through, as one interval of the {@link Collation} order: what a Name index needs to read
 * only the part of a tenant a Name range covers. A null bound is open. The interval may be wider than the filter (an
 * {@code -or} of two ranges is their hull), never narrower, since the caller still applies the filter to each record.
 */
public record NameRange(String low, boolean lowInclusive, String high, boolean highInclusive) {

    public static final NameRange ANY = new NameRange(null, true, null, true);

    /** No Name sorts below the empty string. */
    public static final NameRange NONE = new NameRange(null, true, "", false);

    public boolean isAny() {
        return low == null && high == null;
    }

    /** The Names a comparison {@code Name <comparison> literal} lets through (eq, lt, le, gt, ge; else ANY). */
    public static NameRange of(String comparison, String literal) {
        return switch (comparison) {
            case "eq" -> new NameRange(literal, true, literal, true);
            case "lt" -> new NameRange(null, true, literal, false);
            case "le" -> new NameRange(null, true, literal, true);
            case "gt" -> new NameRange(literal, false, null, true);
            case "ge" -> new NameRange(literal, true, null, true);
            default -> ANY;
        };
    }

    /** Names in both ranges. */
    public NameRange and(NameRange other) {
        int lows = compareLows(other);
        int highs = compareHighs(other);
        NameRange higherLow = lows >= 0 ? this : other;
        NameRange lowerHigh = highs <= 0 ? this : other;
        return new NameRange(
                higherLow.low,
                lows == 0 ? lowInclusive && other.lowInclusive : higherLow.lowInclusive,
                lowerHigh.high,
                highs == 0 ? highInclusive && other.highInclusive : lowerHigh.highInclusive);
    }

    /** The smallest range holding the Names of both. */
    public NameRange or(NameRange other) {
        int lows = compareLows(other);
        int highs = compareHighs(other);
        NameRange lowerLow = lows <= 0 ? this : other;
        NameRange higherHigh = highs >= 0 ? this : other;
        return new NameRange(
                lowerLow.low,
                lows == 0 ? lowInclusive || other.lowInclusive : lowerLow.lowInclusive,
                higherHigh.high,
                highs == 0 ? highInclusive || other.highInclusive : higherHigh.highInclusive);
    }

    /** Whether the Name sorts after every Name of the range. */
    boolean isAbove(String name) {
        if (high == null) {
            return false;
        }
        int order = Collation.compare(name, high);
        return order > 0 || (order == 0 && !highInclusive);
    }

    /** Whether the Name sorts before every Name of the range. */
    boolean isBelow(String name) {
        if (low == null) {
            return false;
        }
        int order = Collation.compare(name, low);
        return order < 0 || (order == 0 && !lowInclusive);
    }

    /** An open low bound is the lowest. */
    private int compareLows(NameRange other) {
        if (low == null || other.low == null) {
            return low == null ? (other.low == null ? 0 : -1) : 1;
        }
        return Collation.compare(low, other.low);
    }

    /** An open high bound is the highest. */
    private int compareHighs(NameRange other) {
        if (high == null || other.high == null) {
            return high == null ? (other.high == null ? 0 : 1) : -1;
        }
        return Collation.compare(high, other.high);
    }
}
