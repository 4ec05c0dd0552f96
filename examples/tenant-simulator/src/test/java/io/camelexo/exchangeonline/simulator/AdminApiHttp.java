package io.camelexo.exchangeonline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A bare HTTP client for the tests: sends what the component's AdminApiClient sends, returns status, headers and body. */
final class AdminApiHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, HttpHeaders headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static String invokeCommandUrl(String base, String tenant) {
        return base + "/adminapi/beta/" + tenant + "/InvokeCommand";
    }

    static byte[] cmdletInput(String cmdlet, Map<String, Object> parameters) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode input = body.putObject("CmdletInput");
        input.put("CmdletName", cmdlet);
        input.set("Parameters", JSON.valueToTree(parameters));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An InvokeCommand item of a $batch, with the per-call headers the module copies into each item. */
    static ObjectNode batchItem(String id, String invokeCommandUrl, String cmdlet, Map<String, Object> parameters) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("method", "POST");
        item.put("url", invokeCommandUrl);
        try {
            item.set("body", JSON.readTree(cmdletInput(cmdlet, parameters)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        item.putObject("headers")
                .put("Prefer", "odata.maxpagesize=1000;odata.continue-on-error")
                .put("X-CmdletName", cmdlet);
        return item;
    }

    /** POST of the items to the tenant's $batch, as the module sends it. */
    Answer batch(String base, String tenant, String token, List<ObjectNode> items) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putArray("requests").addAll(items);
        return post(
                base + "/adminapi/beta/" + tenant + "/$batch",
                token,
                envelope.toString().getBytes(StandardCharsets.UTF_8),
                "Prefer",
                "odata.continue-on-error");
    }

    Answer post(String url, String token, byte[] body, String... headers) {
        return send(request(url, token, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer get(String url, String token, String... headers) {
        return send(request(url, token, headers).GET());
    }

    /** POST of a cmdlet to InvokeCommand with the module's page size header. */
    Answer invoke(
            String base,
            String tenant,
            String token,
            String cmdlet,
            Map<String, Object> parameters,
            String... headers) {
        return post(invokeCommandUrl(base, tenant), token, cmdletInput(cmdlet, parameters), headers);
    }

    private static HttpRequest.Builder request(String url, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .header("client-request-id", "11111111-2222-3333-4444-555555555555");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An Exchange token for the app, from the simulator's Entra token endpoint (client credentials with a secret). */
    static String appToken(TenantSimulator sim, String tenant, String appId, String clientSecret) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder()
                    .sslContext(sim.sslContext())
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.tokenEndpoint(tenant)))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                                            + appId + "&client_secret="
                                            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)
                                            + "&scope=https%3A%2F%2Foutlook.office365.com%2F.default"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode token = JSON.readTree(answer.body()).path("access_token");
            if (token.isMissingNode()) {
                throw new AssertionError("No token for " + appId + " at " + tenant + ": " + answer.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
