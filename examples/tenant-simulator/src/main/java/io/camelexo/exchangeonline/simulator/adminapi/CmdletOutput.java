package io.camelexo.exchangeonline.simulator.adminapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a cmdlet produced: records to page through, and warnings for {@code @adminapi.warnings}. */
record CmdletOutput(RecordSource records, List<String> warnings) {

    static CmdletOutput of(RecordSource records) {
        return new CmdletOutput(records, List.of());
    }

    static CmdletOutput of(List<Map<String, Object>> records) {
        return of(RecordSource.of(records));
    }

    static CmdletOutput none() {
        return of(List.of());
    }

    CmdletOutput withWarning(String warning) {
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return new CmdletOutput(records, List.copyOf(all));
    }
}
