package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.server.SimRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Page sizes from {@code Prefer: odata.maxpagesize} and reading one page from a record source (docs/admin-api.md, "Paging"). */
final class Paging {

    static final int MAX_PAGE_SIZE = 1000;
    /** InvokeCommand's default page size is not known; the module always asks for 1000, so that is the default. */
    static final int INVOKE_COMMAND_DEFAULT_PAGE_SIZE = 1000;
    /** Entity routes answer 100 per page without Prefer, as one public client (talkingtoexorestapi) observed. */
    static final int ENTITY_DEFAULT_PAGE_SIZE = 100;

    private static final Pattern MAX_PAGE_SIZE_PREFERENCE =
            Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    /**
     * @param nextPosition where the next page starts (the first record after this page), or -1 when no record is left
     */
    record Page(List<Map<String, Object>> records, long nextPosition) {
        boolean more() {
            return nextPosition >= 0;
        }
    }

    private Paging() {}

    /** The preferred page size clamped to 1..1000, or the default without a preference. */
    static int pageSize(SimRequest request, int defaultSize) {
        String prefer = request.header("Prefer");
        if (prefer != null) {
            Matcher matcher = MAX_PAGE_SIZE_PREFERENCE.matcher(prefer);
            if (matcher.find()) {
                String digits = matcher.group(1);
                return digits.length() > 6
                        ? MAX_PAGE_SIZE
                        : Math.max(1, Math.min(MAX_PAGE_SIZE, Integer.parseInt(digits)));
            }
        }
        return defaultSize;
    }

    /** Up to {@code size} records from {@code from} on, plus where the next one is (scanning ahead past empty positions). */
    static Page read(RecordSource source, long from, int size) {
        List<Map<String, Object>> records = new ArrayList<>(Math.min(size, 1024));
        long position = from;
        long end = source.end();
        while (position < end && records.size() < size) {
            Map<String, Object> record = source.at(position++);
            if (record != null) {
                records.add(record);
            }
        }
        while (position < end) {
            if (source.at(position) != null) {
                return new Page(records, position);
            }
            position++;
        }
        return new Page(records, -1);
    }
}
