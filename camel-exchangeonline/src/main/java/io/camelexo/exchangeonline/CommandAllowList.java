package io.camelexo.exchangeonline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code commandName} option: comma-separated cmdlet names with {@code *} wildcards, case-insensitive. */
final class CommandAllowList {

    private final List<Pattern> patterns = new ArrayList<>();

    CommandAllowList(String commandName) {
        if (commandName != null) {
            for (String entry : commandName.split(",")) {
                String name = entry.strip();
                if (!name.isEmpty()) {
                    patterns.add(
                            Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE));
                }
            }
        }
    }

    /** True when no allow-list is set or a pattern matches. */
    boolean allows(String cmdlet) {
        return patterns.isEmpty()
                || patterns.stream().anyMatch(pattern -> pattern.matcher(cmdlet).matches());
    }
}
