package io.camelexo.exchangeonline.feed;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Rules both feed readers apply to the URI's cmdlet parameters and selection. */
final class FeedParameters {

    private FeedParameters() {}

    /** Refuses a parameter the feed sets itself, naming it. */
    static void refuseManaged(String cmdlet, Map<String, Object> parameters, List<String> managed) {
        for (String name : managed) {
            if (parameters.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException(cmdlet + " in from() sets " + name
                        + " itself (from startDate, windowSize and the saved watermark); leave it out of the URI");
            }
        }
    }

    /** The selection plus the properties the paging reads; empty (everything) stays empty. */
    static List<String> withPagingProperties(List<String> select, String... pagingProperties) {
        return select.isEmpty()
                ? select
                : Stream.concat(select.stream(), Stream.of(pagingProperties))
                        .distinct()
                        .toList();
    }
}
