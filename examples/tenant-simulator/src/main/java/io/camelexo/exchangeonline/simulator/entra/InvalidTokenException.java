package io.camelexo.exchangeonline.simulator.entra;

/** An access token the simulator did not issue, or one that is no longer valid; the message says which. */
public final class InvalidTokenException extends Exception {

    InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
