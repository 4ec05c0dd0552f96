package io.camelexo.exchangeonline.error;

/**
 * A Get-EXO* {@code Filter} written in OPATH has a part with no OData equivalent; nothing was sent. The message names
 * the part, {@link #getPosition()} and {@link #getToken()} locate it.
 */
public class ExoFilterException extends ExoException {

    private final int position;
    private final String token;

    public ExoFilterException(String message, int position, String token) {
        super(message, 0, "InvalidFilter", null, null);
        this.position = position;
        this.token = token;
    }

    /** Where the untranslatable part starts in the filter text, counting the first character as 1. */
    public int getPosition() {
        return position;
    }

    /** The untranslatable part as written, e.g. {@code -match} or {@code 'a*b'}; empty when the filter ends too early. */
    public String getToken() {
        return token;
    }
}
