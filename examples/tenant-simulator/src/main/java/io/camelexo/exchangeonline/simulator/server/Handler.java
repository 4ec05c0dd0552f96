package io.camelexo.exchangeonline.simulator.server;

/** Answers requests for one of the simulator's servers. */
@FunctionalInterface
public interface Handler {

    SimResponse handle(SimRequest request);
}
