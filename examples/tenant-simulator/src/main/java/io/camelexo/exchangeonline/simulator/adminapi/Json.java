package io.camelexo.exchangeonline.simulator.adminapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson setup of the Admin API side. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {}
}
