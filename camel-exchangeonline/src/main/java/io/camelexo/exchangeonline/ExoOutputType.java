package io.camelexo.exchangeonline;

/** How a producer hands the records to the route. */
public enum ExoOutputType {
    /** All records in a {@code java.util.List}, every page read before the route continues. */
    List,
    /** A lazy, closeable iterator for {@code split(body()).streaming()}: pages are fetched as the split reaches them. */
    Stream,
    /** The first record, or null; the rest of the result is not fetched. */
    Single
}
