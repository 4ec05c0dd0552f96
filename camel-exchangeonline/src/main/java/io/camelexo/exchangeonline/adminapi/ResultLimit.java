package io.camelexo.exchangeonline.adminapi;

import java.util.Locale;

/**
 * What {@code ResultSize} asks for (docs/admin-api.md, "Paging"): absent = the service's first page only (the "more results"
 * warning then reaches the caller), {@code Unlimited} = every page, N = pages until N records.
 */
record ResultLimit(boolean firstPageOnly, long maxRecords) {

    static final ResultLimit FIRST_PAGE = new ResultLimit(true, Long.MAX_VALUE);
    static final ResultLimit UNLIMITED = new ResultLimit(false, Long.MAX_VALUE);

    static ResultLimit parse(Object resultSize) {
        if (resultSize == null) {
            return FIRST_PAGE;
        }
        String text = resultSize.toString().strip();
        if (text.toLowerCase(Locale.ROOT).equals("unlimited")) {
            return UNLIMITED;
        }
        try {
            long n = Long.parseLong(text);
            if (n > 0) {
                return new ResultLimit(false, n);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(
                "ResultSize must be Unlimited or a positive whole number, got '" + text + "'");
    }

    boolean isUnlimited() {
        return !firstPageOnly && maxRecords == Long.MAX_VALUE;
    }

    /** The value sent as the ResultSize parameter: the string Unlimited or a number. */
    Object wireValue() {
        return isUnlimited() ? "Unlimited" : (Object) maxRecords;
    }

    /** {@code Prefer: odata.maxpagesize}: the page size, or fewer when fewer records remain. */
    int preferredPageSize(int pageSize, long delivered) {
        return (int) Math.max(1, Math.min(pageSize, maxRecords - delivered));
    }

    /**
     * Whether to follow a nextLink. The module also stops on a short page; the nextLink is the better signal,
     * since the service may cap a page below the size asked for.
     */
    boolean wantsAnotherPage(long delivered) {
        return !firstPageOnly && delivered < maxRecords;
    }
}
