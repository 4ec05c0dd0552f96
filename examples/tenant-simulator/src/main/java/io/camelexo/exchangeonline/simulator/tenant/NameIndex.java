package io.camelexo.exchangeonline.simulator.tenant;

import java.util.function.IntFunction;

/**
 * The generated mailboxes grouped by the {@link Collation} key of their Name's first code unit, each group in index
 * order: a filter on a Name range reads only the groups that can match, so one letter of a million mailboxes costs
 * that letter's share, not a scan of the tenant. Four bytes per mailbox plus 256 KB; generated names never change
 * (no cmdlet here renames a mailbox), so the index stays valid once built.
 */
final class NameIndex {

    private static final int KEYS = Character.MAX_VALUE + 1;

    /** Group k holds {@code order[start[k]]} up to {@code order[start[k + 1]]} (exclusive). */
    private final int[] start = new int[KEYS + 1];

    private final int[] order;

    NameIndex(int generated, IntFunction<String> name) {
        char[] keys = new char[generated];
        for (int index = 0; index < generated; index++) {
            keys[index] = Collation.key(name.apply(index).charAt(0));
            start[keys[index] + 1]++;
        }
        for (int key = 0; key < KEYS; key++) {
            start[key + 1] += start[key];
        }
        order = new int[generated];
        int[] next = new int[KEYS];
        System.arraycopy(start, 0, next, 0, KEYS);
        for (int index = 0; index < generated; index++) {
            order[next[keys[index]]++] = index;
        }
    }

    /** Where the groups of keys low..high (inclusive) begin in {@link #at}'s numbering. */
    int first(int lowKey) {
        return start[lowKey];
    }

    /** Where the groups of keys low..high (inclusive) end (exclusive). */
    int end(int highKey) {
        return start[highKey + 1];
    }

    /** The mailbox index at this place of the grouped order. */
    int at(int place) {
        return order[place];
    }
}
