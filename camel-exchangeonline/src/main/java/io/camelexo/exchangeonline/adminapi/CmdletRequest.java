package io.camelexo.exchangeonline.adminapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One cmdlet invocation as the caller states it: name, bound parameters (Java values, encoded as
 * docs/admin-api.md, "The InvokeCommand call" describes), the properties to return ({@code $select}; empty = all) and
 * the page size ({@code Prefer: odata.maxpagesize}). {@link #toString()} shows parameter names only: values may be
 * passwords or credentials.
 */
public record CmdletRequest(String cmdlet, Map<String, Object> parameters, List<String> select, int pageSize) {

    public CmdletRequest {
        if (cmdlet == null || cmdlet.isBlank()) {
            throw new IllegalArgumentException("A cmdlet name is required");
        }
        checkPageSize(pageSize);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        select = select == null ? List.of() : List.copyOf(select);
    }

    /** The service pages at most 1000 records; an endpoint checks its pageSize option here when it is created. */
    public static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, got " + pageSize);
        }
    }

    /** Read cmdlets (Get-, Search-, Test-; Get-EXO* included) change nothing, so they are safe to send again. */
    public boolean isRead() {
        String lower = cmdlet.toLowerCase(Locale.ROOT);
        return lower.startsWith("get-") || lower.startsWith("search-") || lower.startsWith("test-");
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

    @Override
    public String toString() {
        return "CmdletRequest[cmdlet=" + cmdlet + ", parameters=" + parameters.keySet() + ", select=" + select
                + ", pageSize=" + pageSize + "]";
    }
}
