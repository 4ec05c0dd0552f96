package io.camelexo.exchangeonline.simulator.tenant;

/**
 * How filters compare text: case-insensitively, as Exchange does. The simulator's collation is ordinal over UTF-16 code
 * units, each upper-cased on its own ({@link Character#toUpperCase(char)}), the way .NET's
 * {@code StringComparison.OrdinalIgnoreCase} works; the service's own collation is not published. It is a total order,
 * so Name ranges split a listing into disjoint parts whose union is the whole, whatever characters names start with
 * (an emoji's surrogate pair sorts by its high surrogate, between U+D7FF and U+E000).
 */
public final class Collation {

    private Collation() {}

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        for (int i = 0; i < shorter; i++) {
            int difference = key(a.charAt(i)) - key(b.charAt(i));
            if (difference != 0) {
                return difference;
            }
        }
        return a.length() - b.length();
    }

    /** The sort key of one code unit: 0 to 0xFFFF. */
    public static char key(char unit) {
        return Character.toUpperCase(unit);
    }
}
