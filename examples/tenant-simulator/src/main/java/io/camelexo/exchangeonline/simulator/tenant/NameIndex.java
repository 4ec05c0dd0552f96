package io.camelexo.exchangeonline.simulator.tenant;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The generated mailboxes in {@link Collation} order of their Name, so that a filter on a Name range reads just the
 * mailboxes inside it: one range of a million mailboxes costs its share, not a scan of the tenant or of every mailbox
 * sharing its first letter. Four bytes per mailbox; generated names never change (no cmdlet here renames a mailbox),
 * so the index stays valid once built.
 *
 * <p>Built in two steps to stay within a small heap: a counting sort by the first code unit's key, then each of those
 * groups sorted by the whole Name, holding only one group's names at a time. Grouping by the first key and then
 * ordering within the group is the Collation order, which compares the first code units first.
 */
final class NameIndex {

    private static final int KEYS = Character.MAX_VALUE + 1;

    private final int[] order;
    private final IntFunction<String> name;

    NameIndex(int generated, IntFunction<String> name) {
        this.name = name;
        int[] start = new int[KEYS + 1];
        char[] keys = new char[generated];
        for (int index = 0; index < generated; index++) {
            keys[index] = Collation.key(name.apply(index).charAt(0));
            start[keys[index] + 1]++;
        }
        for (int key = 0; key < KEYS; key++) {
            start[key + 1] += start[key];
        }
        order = new int[generated];
        int[] next = Arrays.copyOf(start, KEYS);
        for (int index = 0; index < generated; index++) {
            order[next[keys[index]]++] = index;
        }
        for (int key = 0; key < KEYS; key++) {
            sortByName(start[key], start[key + 1]);
        }
    }

    /** Sorts order[from..to) by the whole Name; the index breaks ties, so the order is the same on every run. */
    private void sortByName(int from, int to) {
        if (to - from < 2) {
            return;
        }
        record Named(String name, int index) {}
        Named[] group = new Named[to - from];
        for (int place = from; place < to; place++) {
            group[place - from] = new Named(name.apply(order[place]), order[place]);
        }
        Arrays.sort(group, Comparator.comparing(Named::name, Collation::compare).thenComparingInt(Named::index));
        for (int place = from; place < to; place++) {
            order[place] = group[place - from].index();
        }
    }

    /** The first place of the Names inside the range, found by binary search over the sorted order. */
    int first(NameRange range) {
        return firstPlace(place -> !range.isBelow(name.apply(order[place])));
    }

    /** The place after the last Name inside the range. */
    int end(NameRange range) {
        return firstPlace(place -> range.isAbove(name.apply(order[place])));
    }

    /** The first place where the test holds, given it holds from some place to the end. */
    private int firstPlace(IntPredicate holds) {
        int low = 0;
        int high = order.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (holds.test(middle)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The mailbox index at this place of the Name order. */
    int at(int place) {
        return order[place];
    }
}
