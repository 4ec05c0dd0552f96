package io.camelexo.exchangeonline.adminapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How {@code parallelPaging=N} splits an unlimited listing into disjoint parts, {@link #ranges(int) four per reader}
 * up to 64: each part is the caller's filter AND a Name range (docs/admin-api.md, "Paging"). Names are not spread
 * evenly over any fixed boundaries, so a listing cut into exactly N parts would wait for its largest one; with more
 * parts than readers, a reader that finishes a small part takes the next one. The key property and the two comparisons on it live here only, in
 * {@link Dialect}.
 *
 * <p>The parts are the leaves of a balanced decision tree over N - 1 boundaries: every inner node asks "Name below b?"
 * and a record goes left or right, so every record lands in exactly one leaf, whatever total order the service compares
 * strings in and whatever character a Name starts with. A leaf's filter is the conditions on its path; when the service
 * sorts the boundaries as listed, leaf i is the range [b(i), b(i + 1)) (the first one open below, the last one open
 * above) and the other conditions on its path are redundant. The boundaries therefore only balance the load; no
 * choice of them can lose or double a record.
 */
public final class NamePartitions {

    /** The cmdlets whose unlimited listing can be split by Name, as messages and the README spell them. */
    static final List<String> CMDLETS = List.of("Get-Mailbox", "Get-Recipient", "Get-EXOMailbox", "Get-EXORecipient");

    /**
     * A rough share (per mille) of Latin-script names per initial letter A to Z, given names and surnames mixed; within
     * a letter the second letter is taken as evenly spread. It places the boundaries, nothing more.
     */
    private static final int[] INITIAL_SHARES = {
        45, 80, 75, 60, 30, 35, 50, 65, 10, 55, 50, 55, 90, 25, 15, 50, 3, 55, 95, 45, 5, 20, 45, 2, 7, 10
    };

    /** The most parts a listing is cut into: the boundaries stay strictly ascending up to this many. */
    static final int MAX_RANGES = 64;

    private NamePartitions() {}

    /** How many Name ranges a listing read by this many readers at once is cut into. */
    static int ranges(int readers) {
        return Math.min(MAX_RANGES, 4 * readers);
    }

    /**
     * The filter languages a part is written in: OPATH for InvokeCommand's -Filter, OData for an entity route. The key
     * property and its two comparisons are these strings: the parts need only that, for every record, exactly one of
     * the two holds ({@code -not (Name -lt %s)} would do for the second, but a directory answers a range from its index
     * on Name and a negation object by object; docs/admin-api.md, "Paging").
     */
    enum Dialect {
        OPATH("Name -lt %s", "Name -ge %s", " -and "),
        ODATA("Name lt %s", "Name ge %s", " and ");

        private final String below;
        private final String atOrAbove;
        private final String and;

        Dialect(String below, String atOrAbove, String and) {
            this.below = below;
            this.atOrAbove = atOrAbove;
            this.and = and;
        }

        String render(List<Bound> bounds) {
            return bounds.stream()
                    .map(bound -> String.format(
                            bound.below() ? below : atOrAbove,
                            "'" + bound.boundary().replace("'", "''") + "'"))
                    .collect(Collectors.joining(and));
        }
    }

    /** One condition on a part: the Name is below the boundary, or (below = false) at or above it. */
    record Bound(String boundary, boolean below) {}

    /**
     * Fails unless parallelPaging can split this cmdlet's listing; an endpoint checks this when it is created.
     *
     * @throws IllegalArgumentException naming the option and the cmdlets it works with
     */
    public static void checkCmdlet(String cmdlet, int parallelPaging) {
        if (parallelPaging > 1 && CMDLETS.stream().noneMatch(cmdlet::equalsIgnoreCase)) {
            throw new IllegalArgumentException("parallelPaging=" + parallelPaging + " splits the listings of "
                    + String.join(", ", CMDLETS) + " by Name; " + cmdlet
                    + " cannot be split: use parallelPaging=1 (the default) for it");
        }
    }

    /**
     * Fails unless ResultSize asks for the whole listing; an endpoint whose URI sets ResultSize checks it when created.
     *
     * @param resultSize the ResultSize parameter; null = not set
     * @throws IllegalArgumentException naming both options
     */
    public static void checkResultSize(Object resultSize, int parallelPaging) {
        if (parallelPaging > 1
                && (resultSize == null || !ResultLimit.parse(resultSize).isUnlimited())) {
            throw new IllegalArgumentException("parallelPaging=" + parallelPaging
                    + " reads a whole listing in Name ranges and needs ResultSize=Unlimited; "
                    + (resultSize == null
                            ? "ResultSize is not set (the cmdlet would return its first page only)"
                            : "got ResultSize=" + resultSize));
        }
    }

    /**
     * The request once per part, for {@code readers} reading at once: the same cmdlet, parameters, properties and page
     * size, with the caller's Filter combined with the part's Name conditions. Checks cmdlet and ResultSize first, so
     * nothing is sent for bad input.
     */
    static List<CmdletRequest> split(CmdletRequest request, int readers) {
        checkCmdlet(request.cmdlet(), readers);
        checkResultSize(request.parameter("ResultSize"), readers);
        return parts(request, ranges(readers));
    }

    /** The request once per part, for exactly this many parts. */
    static List<CmdletRequest> parts(CmdletRequest request, int partitions) {
        Dialect dialect = EntityRoutes.isEntityCmdlet(request.cmdlet()) ? Dialect.ODATA : Dialect.OPATH;
        Object callerFilter = request.parameter("Filter");
        List<CmdletRequest> parts = new ArrayList<>();
        for (List<Bound> leaf : leaves(partitions)) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            request.parameters().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Filter")) {
                    parameters.put(name, value);
                }
            });
            parameters.put("Filter", filter(dialect, callerFilter, leaf));
            parts.add(new CmdletRequest(request.cmdlet(), parameters, request.select(), request.pageSize()));
        }
        return parts;
    }

    /** The caller's filter (null = none) AND the part's conditions, in the dialect of the cmdlet's route. */
    static String filter(Dialect dialect, Object callerFilter, List<Bound> leaf) {
        String part = dialect.render(leaf);
        if (callerFilter == null || callerFilter.toString().isBlank()) {
            return part;
        }
        String caller = dialect == Dialect.ODATA
                // an entity route takes OPATH or OData; the part is OData, so the caller's filter is made OData first
                ? OpathFilterTranslator.toODataFilter(callerFilter.toString())
                : withoutBraces(callerFilter.toString());
        return "(" + caller + ")" + dialect.and + part;
    }

    /** {@code {Name -like 'a*'}} as PowerShell scripts write a filter: the braces cannot stand inside parentheses. */
    private static String withoutBraces(String filter) {
        String text = filter.strip();
        return text.startsWith("{") && text.endsWith("}")
                ? text.substring(1, text.length() - 1).strip()
                : text;
    }

    /** The conditions of each of the parts, in boundary order. */
    static List<List<Bound>> leaves(int partitions) {
        List<List<Bound>> leaves = new ArrayList<>();
        addLeaves(boundaries(partitions), 0, partitions - 1, new ArrayList<>(), leaves);
        return leaves;
    }

    /** Leaves first..last of the subtree: the boundary in the middle splits them, then each half is split again. */
    private static void addLeaves(
            List<String> boundaries, int first, int last, List<Bound> path, List<List<Bound>> leaves) {
        if (first == last) {
            leaves.add(List.copyOf(path));
            return;
        }
        int split = (first + last + 1) / 2;
        String boundary = boundaries.get(split - 1);
        path.add(new Bound(boundary, true));
        addLeaves(boundaries, first, split - 1, path, leaves);
        path.set(path.size() - 1, new Bound(boundary, false));
        addLeaves(boundaries, split, last, path, leaves);
        path.remove(path.size() - 1);
    }

    /**
     * N - 1 boundaries at the N-quantiles of {@link #INITIAL_SHARES}: an upper-case letter, followed by a second one
     * where the quantile falls inside the letter. Strictly ascending up to {@link #MAX_RANGES}: one step (at least
     * 1/64 of the names) is larger than any letter's share of one second letter.
     */
    static List<String> boundaries(int partitions) {
        int total = 0;
        for (int share : INITIAL_SHARES) {
            total += share;
        }
        List<String> boundaries = new ArrayList<>();
        int letter = 0;
        double before = 0;
        for (int i = 1; i < partitions; i++) {
            double quantile = (double) total * i / partitions;
            while (before + INITIAL_SHARES[letter] < quantile) {
                before += INITIAL_SHARES[letter];
                letter++;
            }
            int second = (int) ((quantile - before) / INITIAL_SHARES[letter] * 26);
            char initial = (char) ('A' + letter);
            boundaries.add(second == 0 ? String.valueOf(initial) : "" + initial + (char) ('A' + Math.min(second, 25)));
        }
        return boundaries;
    }
}
