package io.camelexo.exchangeonline.simulator;

/** The simulator's servers, as the journal names them. */
public enum SimulatedService {
    /** Entra ID: token, device code, user realm and discovery endpoints (HTTPS). */
    ENTRA_ID,
    /** Exchange Online (with EOP): the Admin API. */
    EXCHANGE,
    /** The Security &amp; Compliance front door, which only redirects to the regional host. */
    COMPLIANCE_FRONT_DOOR,
    /** The regional Security &amp; Compliance host that serves the Admin API. */
    COMPLIANCE
}
