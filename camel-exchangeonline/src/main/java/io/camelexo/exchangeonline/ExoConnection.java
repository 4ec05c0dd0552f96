package io.camelexo.exchangeonline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options defined once and picked by name with {@code connection=<name>}: bind one in the registry under that name
 * (the Spring Boot starter registers one per {@code camel.exchangeonline.connections.<name>}). The options are the
 * endpoint options by their camelCase names, with typed values or strings as in a URI ({@code #bean} references
 * included); they apply over the component's options, and the endpoint URI's over them.
 * {@link #toString()} names the options but never shows a value.
 */
public final class ExoConnection {

    private final Map<String, Object> options;

    public ExoConnection(Map<String, ?> options) {
        if (options.containsKey("connection")) {
            throw new IllegalArgumentException("A connection cannot name another connection");
        }
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public Map<String, Object> options() {
        return options;
    }

    @Override
    public String toString() {
        return "ExoConnection" + options.keySet();
    }
}
