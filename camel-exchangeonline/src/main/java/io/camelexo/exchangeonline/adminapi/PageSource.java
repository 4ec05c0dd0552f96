package io.camelexo.exchangeonline.adminapi;

/**
 * Where the pages of one call's result come from, in the order the result reads them: the seam that reading ahead
 * and reading partitions in parallel plug into. The result reads each page to its end before it asks for the next,
 * and closes the source when it stops, early or not; closing cancels whatever was requested ahead.
 */
interface PageSource extends AutoCloseable {

    /** The first page, requested on the caller's thread, so that a call the service refuses fails right away. */
    PageReader first();

    /**
     * The page after {@code finished}, or null when the result has no more.
     *
     * @param finished  the page just read to its end (its nextLink is known)
     * @param delivered records handed to the caller so far
     */
    PageReader next(PageReader finished, long delivered);

    @Override
    void close();
}
