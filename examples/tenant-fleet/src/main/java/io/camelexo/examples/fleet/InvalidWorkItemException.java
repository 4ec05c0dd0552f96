package io.camelexo.examples.fleet;

/** A work-topic record that is not a work item: it goes to the dead-letter topic with this reason. */
class InvalidWorkItemException extends RuntimeException {
    InvalidWorkItemException(String reason) {
        super(reason);
    }
}
