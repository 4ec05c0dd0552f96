package io.camelexo.examples.offboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** The application's HTTP API as a client sees it. */
final class LeaverApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    LeaverApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static String event(String upn, String manager, LocalDate effectiveDate) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "userPrincipalName",
                    upn,
                    "manager",
                    manager,
                    "effectiveDate",
                    effectiveDate.toString(),
                    "employeeId",
                    "E-" + Math.abs(upn.hashCode())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer submit(String json) {
        return submit(json, "application/json");
    }

    Answer submit(String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/leavers"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Answer history(String upn) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/leavers/" + upn))
                .GET()
                .build());
    }

    /** 200 once the application has started completely (routes included, and connected to Kafka), 503 before. */
    int readiness() {
        return probe("readiness");
    }

    /** 200 once the application is up, whether or not what it needs (Kafka) answers. */
    int liveness() {
        return probe("liveness");
    }

    private int probe(String name) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/" + name))
                        .GET()
                        .build())
                .status();
    }

    /** Waits until the person's newest event has this status, and returns that event (with its audit trail). */
    JsonNode awaitStatus(String upn, String status, Duration timeout) {
        return Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(
                        () -> history(upn).json().path("events").get(0),
                        event -> status.equals(event.path("status").asText()));
    }

    /** The audit trail's "step:status" entries, in order. */
    static List<String> steps(JsonNode event) {
        List<String> steps = new ArrayList<>();
        event.path("audit")
                .forEach(entry -> steps.add(
                        entry.path("step").asText() + ":" + entry.path("status").asText()));
        return steps;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String contentType, String location, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }
}
