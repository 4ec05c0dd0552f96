package io.camelexo.examples.offboarding;

import java.util.List;

/** The event cannot be accepted as it is; each problem names the field and what is expected of it. */
public class InvalidLeaverEventException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidLeaverEventException(List<String> problems) {
        super("Invalid leaver event: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> getProblems() {
        return problems;
    }
}
