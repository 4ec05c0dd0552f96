package io.camelexo.exchangeonline.simulator.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The bridge to WireMock: one catch-all stub per server whose response this transformer computes with the
 * simulator's handler, then journals the exchange (secrets redacted). Faults become WireMock faults.
 */
final class WireMockEndpoint implements ResponseDefinitionTransformerV2 {

    private static final int JOURNAL_BODY_LIMIT = 64 * 1024;
    private static final Set<String> SECRET_FORM_FIELDS = Set.of(
            "client_secret", "password", "client_assertion", "refresh_token", "device_code", "code", "code_verifier");
    private static final Pattern SECRET_FIELD =
            Pattern.compile("(?<=(^|&)(" + String.join("|", SECRET_FORM_FIELDS) + ")=)[^&]*");
    /** SecureString and PSCredential cmdlet parameters: encrypted when the client is right, clear text when it is not. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(\"(?i:Password|RoomMailboxPassword|Credential|Credentials|RemoteCredential|Authorization)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    private final String name;
    private final SimulatedService service;
    private final Handler handler;
    private final Consumer<JournalEntry> journal;

    WireMockEndpoint(String name, SimulatedService service, Handler handler, Consumer<JournalEntry> journal) {
        this.name = name;
        this.service = service;
        this.handler = handler;
        this.journal = journal;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request received = serveEvent.getRequest();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : received.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        String host = received.getHeader("Host") != null
                ? received.getHeader("Host")
                : received.getHost() + ":" + received.getPort();
        CallNote note = new CallNote();
        SimRequest request = new SimRequest(
                received.getMethod().getName(),
                received.getUrl(),
                headers,
                received.getBody(),
                received.getScheme() + "://" + host,
                note);
        SimResponse response;
        try {
            response = handler.handle(request);
        } catch (RuntimeException e) {
            // a simulator bug must not look like a service answer: plain text naming the failure
            response = SimResponse.of(
                    500,
                    "text/plain; charset=utf-8",
                    ("Tenant simulator failure: " + e).getBytes(StandardCharsets.UTF_8));
        }
        // the items ran before the envelope was answered
        for (CallNote.BatchItem item : note.batchItems()) {
            journal(item.request(), item.status());
        }
        journal(request, response.status());
        return toDefinition(response);
    }

    private void journal(SimRequest request, int status) {
        CallNote note = request.note();
        journal.accept(new JournalEntry(
                Instant.now(),
                service,
                request.method(),
                request.url(),
                redacted(request.headers()),
                journalBody(request),
                note.tenantId(),
                note.appId(),
                note.user(),
                note.tokenId(),
                note.cmdlet(),
                status,
                note.fault(),
                note.batchId(),
                note.batchItemId()));
    }

    private static ResponseDefinition toDefinition(SimResponse response) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
        if (response.isConnectionReset()) {
            return builder.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        builder.withStatus(response.status()).withBody(response.body());
        response.headers().forEach(builder::withHeader);
        return builder.build();
    }

    private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.replaceAll((name, values) -> name.equalsIgnoreCase("Authorization")
                ? values.stream()
                        .map(value -> value.contains(" ")
                                ? value.substring(0, value.indexOf(' ')) + " [redacted]"
                                : "[redacted]")
                        .toList()
                : values);
        return copy;
    }

    private static String journalBody(SimRequest request) {
        String text = request.bodyText();
        String contentType = request.header("Content-Type");
        if (contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            text = SECRET_FIELD.matcher(text).replaceAll("[redacted]");
        } else {
            text = SECRET_PARAMETER.matcher(text).replaceAll("$1\"[redacted]\"");
        }
        return text.length() > JOURNAL_BODY_LIMIT ? text.substring(0, JOURNAL_BODY_LIMIT) : text;
    }
}
