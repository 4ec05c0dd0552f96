package io.camelexo.exchangeonline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A WireMock Exchange Online serving pages of full-size Get-Mailbox records (~15 KB each), for memory and speed runs. */
public final class LargeTenantStub implements AutoCloseable {

    public static final String TENANT = "contoso.onmicrosoft.com";
    public static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";

    public final WireMockServer server = new WireMockServer(wireMockConfig()
            .dynamicPort()
            .bindAddress("127.0.0.1")
            .containerThreads(8)
            // the journal would keep every 15 MB page answered: rounds of a benchmark ran out of heap
            .disableRequestJournal());
    public final long bytesPerRecord;

    public LargeTenantStub(int pages, int perPage) {
        server.start();
        long pageBytes = 0;
        for (int p = 1; p <= pages; p++) {
            List<ObjectNode> records = new ArrayList<>(perPage);
            for (int i = 0; i < perPage; i++) {
                records.add(AdminApiWire.mailbox((p - 1) * perPage + i, 14_500));
            }
            String next = p < pages ? server.baseUrl() + INVOKE + "?$skiptoken=" + (p + 1) : null;
            byte[] body = AdminApiWire.page(records, next, List.of()).getBytes(StandardCharsets.UTF_8);
            pageBytes = body.length;
            var request = post(urlPathEqualTo(INVOKE));
            request = p == 1
                    ? request.withQueryParam("$skiptoken", absent())
                    : request.withQueryParam("$skiptoken", equalTo(String.valueOf(p)));
            server.stubFor(request.willReturn(
                    aResponse().withHeader("Content-Type", "application/json").withBody(body)));
        }
        bytesPerRecord = pageBytes / perPage;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }
}
