package io.camelexo.exchangeonline.simulator.adminapi;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The properties a response keeps ({@code $select}, property sets): all, or a case-insensitive set of names. */
final class Selection {

    static final Selection ALL = new Selection(Set.of());

    private final Set<String> names;

    private Selection(Set<String> names) {
        this.names = names;
    }

    /** No names (or only blanks) means everything; the set ignores case, so {@link #wants} need not lowercase. */
    static Selection of(Collection<String> names) {
        Set<String> wanted = names.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
        return wanted.isEmpty() ? ALL : new Selection(wanted);
    }

    boolean wants(String property) {
        return names.isEmpty() || names.contains(property);
    }

    /** Whether every selected name is one of these (so a smaller record suffices); false for ALL. */
    boolean within(Collection<String> available) {
        return !names.isEmpty() && covers(available, names);
    }

    /** Whether {@code available} holds every one of {@code names}, ignoring case. */
    static boolean covers(Collection<String> available, Collection<String> names) {
        Set<String> lower =
                available.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return names.stream().allMatch(name -> lower.contains(name.toLowerCase(Locale.ROOT)));
    }
}
