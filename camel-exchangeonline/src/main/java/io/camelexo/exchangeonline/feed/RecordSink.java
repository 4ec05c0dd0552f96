package io.camelexo.exchangeonline.feed;

import java.util.Map;

/** Takes the records of a window one at a time. */
@FunctionalInterface
public interface RecordSink {

    /**
     * @param recordId the record's stable unique key
     * @return false to stop reading (the record was not handled, or the reader should stop): the window is then left
     *     unfinished and read again later
     */
    boolean accept(Map<String, Object> record, String recordId);
}
