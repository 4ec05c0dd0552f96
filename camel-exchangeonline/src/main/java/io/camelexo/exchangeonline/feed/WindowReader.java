package io.camelexo.exchangeonline.feed;

/** Reads one window of a feed completely, with its cmdlet's own paging. */
public interface WindowReader {

    /**
     * Hands every record of the window to the sink once (no record id twice within one call).
     *
     * @return true if the window was read to its end, false if the sink stopped it
     * @throws io.camelexo.exchangeonline.error.ExoException if the service failed or the window cannot be read
     *     completely; nothing is known about the records of the window that were not handed on
     */
    boolean read(FeedWindow window, RecordSink sink);
}
