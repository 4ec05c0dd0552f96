package io.camelexo.exchangeonline.adminapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cmdlet invocation as the caller states it: name, bound parameters (Java values, encoded per reference b.4),
 * the properties to return ({@code $select}; empty = all) and the page size ({@code Prefer: odata.maxpagesize}).
 */
public record CmdletRequest(String cmdlet, Map<String, Object> parameters, List<String> select, int pageSize) {

    public static final int MAX_PAGE_SIZE = 1000;

    public CmdletRequest {
        if (cmdlet == null || cmdlet.isBlank()) {
            throw new IllegalArgumentException("A cmdlet name is required");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, got " + pageSize);
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        select = select == null ? List.of() : List.copyOf(select);
    }

    /** Case-insensitive parameter look-up, as PowerShell binds parameter names. */
    public Object parameter(String name) {
        for (Map.Entry<String, Object> entry : parameters.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
