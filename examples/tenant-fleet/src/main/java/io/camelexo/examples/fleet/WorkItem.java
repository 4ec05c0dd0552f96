package io.camelexo.examples.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One tenant to inventory in one cycle: the value of a work-topic record, whose key is the tenant.
 *
 * @param cycle which run of the fleet it belongs to (the scheduler's start time, ISO-8601)
 */
public record WorkItem(String tenant, String cycle) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws InvalidWorkItemException when the value is not JSON with a tenant and a cycle */
    static WorkItem parse(String value) {
        JsonNode json;
        try {
            json = value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidWorkItemException("not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidWorkItemException("not a JSON object");
        }
        String tenant = json.path("tenant").asText("").strip();
        String cycle = json.path("cycle").asText("").strip();
        if (tenant.isEmpty() || cycle.isEmpty()) {
            throw new InvalidWorkItemException("needs \"tenant\" and \"cycle\", got "
                    + json.properties().stream().map(e -> e.getKey()).toList());
        }
        return new WorkItem(tenant, cycle);
    }

    String json() {
        return JSON.createObjectNode().put("tenant", tenant).put("cycle", cycle).toString();
    }
}
