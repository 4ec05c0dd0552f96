package io.camelexo.exchangeonline.springboot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The Exchange Online Admin API on loopback for several tenants (the tenant is a path segment of every URL), with
 * fake app-only tokens; records which token reached which tenant.
 */
final class AdminApiFake implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    AdminApiFake() {
        server.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** An unsigned JWT for an app in the tenant, valid for an hour: only its claims matter to the component. */
    static String appToken(String tenantId) {
        Map<String, Object> claims = Map.of("tid", tenantId, "appid", "11111111-2222-3333-4444-555555555555",
                "exp", System.currentTimeMillis() / 1000 + 3600, "roles", List.of("Exchange.ManageAsApp"));
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".c2ln";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tenant's Get-Mailbox answer: mailboxes in pages of pageSize, chained by nextLink. */
    void stubMailboxes(String tenant, int mailboxes, int pageSize) {
        String path = "/adminapi/beta/" + tenant + "/InvokeCommand";
        int pages = (mailboxes + pageSize - 1) / pageSize;
        for (int page = 0; page < pages; page++) {
            String next = page + 1 < pages ? baseUrl() + path + "?$skiptoken=" + (page + 1) : null;
            List<Map<String, Object>> records = IntStream.range(page * pageSize, Math.min(mailboxes, (page + 1) * pageSize))
                    .mapToObj(i -> Map.<String, Object>of("Identity", "user" + i, "PrimarySmtpAddress", "user" + i + "@" + tenant))
                    .toList();
            server.stubFor(post(urlPathEqualTo(path))
                    .withQueryParam("$skiptoken", page == 0 ? absent() : equalTo(String.valueOf(page)))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Get-Mailbox"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page(records, next))));
        }
    }

    /** Any other cmdlet of the tenant answers one record. */
    void stubAnyCmdlet(String tenant, Map<String, Object> record) {
        server.stubFor(post(urlPathEqualTo("/adminapi/beta/" + tenant + "/InvokeCommand")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page(List.of(record), null))));
    }

    /** The bearer tokens each tenant's URLs received, by tenant. */
    Map<String, List<String>> tokensByTenant() {
        return server.findAll(anyRequestedFor(anyUrl())).stream().collect(Collectors.groupingBy(
                (LoggedRequest request) -> request.getUrl().split("/")[3], LinkedHashMap::new,
                Collectors.mapping(request -> request.getHeader("Authorization").substring("Bearer ".length()), Collectors.toList())));
    }

    private static String page(List<Map<String, Object>> records, String nextLink) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("@odata.context", "https://outlook.office365.com/adminapi/beta/$metadata#Collection(Exchange.GenericHashTable)");
        if (nextLink != null) {
            envelope.put("@odata.nextLink", nextLink);
        }
        envelope.put("value", records);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
