package io.camelexo.exchangeonline.simulator.adminapi;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * A lazily produced, positional sequence of records: positions run from 0 to {@link #end()}, and a position may
 * hold nothing (a filtered-out mailbox, a removed device). Paging remembers a position, never a record.
 */
interface RecordSource {

    long end();

    /** The record at the position, or null if there is none. */
    Map<String, Object> at(long position);

    static RecordSource of(List<Map<String, Object>> records) {
        return over(records.size(), position -> records.get((int) position));
    }

    static RecordSource over(long end, LongFunction<Map<String, Object>> producer) {
        return new RecordSource() {
            @Override
            public long end() {
                return end;
            }

            @Override
            public Map<String, Object> at(long position) {
                return producer.apply(position);
            }
        };
    }

    default RecordSource filter(Predicate<Map<String, Object>> predicate) {
        RecordSource source = this;
        return over(end(), position -> {
            Map<String, Object> record = source.at(position);
            return record != null && predicate.test(record) ? record : null;
        });
    }
}
