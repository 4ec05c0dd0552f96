package io.camelexo.exchangeonline.feed;

import java.util.HashSet;
import java.util.Set;

/**
 * The record ids a window has handed on. An audit record's id is a GUID: it is kept as two longs in an open-addressed
 * table instead of a String, so a window's 50,000 ids cost one array of at most 2 MB (doubled as it fills) that the
 * collector never copies, rather than 100,000 objects that every young collection copies while the window is read.
 * Any other id is kept as text.
 */
final class RecordIds {

    private static final int GUID_LENGTH = 36;

    private long[] table;
    private int guids;
    private final Set<String> others = new HashSet<>();

    /** @param expected ids the table is sized for without growing */
    RecordIds(int expected) {
        table = new long[2 * Integer.highestOneBit(Math.max(16, expected * 2 - 1)) * 2];
    }

    /** Whether the id is new (and now recorded). */
    boolean add(String id) {
        if (id.length() != GUID_LENGTH || !isGuid(id)) {
            return others.add(id);
        }
        long high = (hex(id, 0, 8) << 32) | (hex(id, 9, 13) << 16) | hex(id, 14, 18);
        long low = (hex(id, 19, 23) << 48) | hex(id, 24, 36);
        if (put(table, high, low)) {
            if (++guids > table.length / 2 * 3 / 4) {
                grow();
            }
            return true;
        }
        return false;
    }

    /** Puts a pair unless present; a slot of two zeros is empty (the all-zero GUID is kept as text). */
    private static boolean put(long[] slots, long high, long low) {
        int mask = slots.length / 2 - 1;
        int slot = Long.hashCode(high * 31 + low) * 0x9E3779B9 & mask;
        while (slots[2 * slot] != 0 || slots[2 * slot + 1] != 0) {
            if (slots[2 * slot] == high && slots[2 * slot + 1] == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = high;
        slots[2 * slot + 1] = low;
        return true;
    }

    private void grow() {
        long[] larger = new long[table.length * 2];
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) {
                put(larger, table[i], table[i + 1]);
            }
        }
        table = larger;
    }

    private static boolean isGuid(String id) {
        for (int i = 0; i < GUID_LENGTH; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return !id.equals("00000000-0000-0000-0000-000000000000");
    }

    private static long hex(String id, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value << 4 | Character.digit(id.charAt(i), 16);
        }
        return value;
    }
}
