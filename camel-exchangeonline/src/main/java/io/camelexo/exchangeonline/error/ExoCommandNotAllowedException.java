package io.camelexo.exchangeonline.error;

/** The cmdlet is outside the endpoint's {@code commandName} allow-list; nothing was sent. */
public class ExoCommandNotAllowedException extends ExoException {

    public ExoCommandNotAllowedException(String message) {
        super(message, 0, "CommandNotAllowed", null, null);
    }
}
