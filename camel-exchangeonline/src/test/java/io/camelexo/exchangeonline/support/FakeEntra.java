package io.camelexo.exchangeonline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Entra ID on loopback over HTTPS (certificate made by keytool, SAN ip:127.0.0.1). The component keeps the real
 * authority (login.microsoftonline.com) and an {@link IHttpClient} routes msal4j's requests here, so caching and
 * refresh behave as in production (msal4j's instance discovery and cache keys use the authority's host); the original
 * host travels in X-Original-Host. Plain HTTP requests (the managed identity endpoint 169.254.169.254) go to the
 * server's HTTP port.
 */
public final class FakeEntra implements AutoCloseable {

    public static final String PASSWORD = "changeit";
    public final WireMockServer server;
    public final X509Certificate serverCertificate;
    public final SSLContext trust;

    public FakeEntra() {
        try {
            Path dir = Files.createTempDirectory("fake-entra");
            Path keystore =
                    TestKeys.keyPair(dir, "fake-entra", PASSWORD, "CN=fake-entra", "ip:127.0.0.1,dns:localhost", 3);
            serverCertificate = TestKeys.certificate(keystore, PASSWORD);
            trust = TestKeys.trusting(serverCertificate);
            server = new WireMockServer(wireMockConfig()
                    .dynamicPort()
                    .dynamicHttpsPort()
                    .bindAddress("127.0.0.1")
                    .keystorePath(keystore.toString())
                    .keystoreType("PKCS12")
                    .keystorePassword(PASSWORD)
                    .keyManagerPassword(PASSWORD));
            server.start();
            stubInstanceDiscovery();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets every stub, scenario state and request of the previous test; keeps instance discovery answered. */
    public void reset() {
        server.resetAll();
        stubInstanceDiscovery();
    }

    /** Instance discovery as each cloud's login host answers it (msal4j asks before its first token request). */
    private void stubInstanceDiscovery() {
        Map<String, List<String>> clouds = Map.of(
                "login.microsoftonline.com",
                        List.of("login.microsoftonline.com", "login.windows.net", "login.microsoft.com"),
                "login.microsoftonline.us", List.of("login.microsoftonline.us", "login.usgovcloudapi.net"),
                "login.chinacloudapi.cn", List.of("login.partner.microsoftonline.cn", "login.chinacloudapi.cn"),
                "login.microsoftonline.de", List.of("login.microsoftonline.de"));
        clouds.forEach((host, aliases) -> server.stubFor(get(urlPathEqualTo("/common/discovery/instance"))
                .withHeader("X-Original-Host", equalTo(host))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"tenant_discovery_endpoint\":\"https://" + host
                                + "/common/v2.0/.well-known/openid-configuration\","
                                + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"" + aliases.get(0)
                                + "\","
                                + "\"preferred_cache\":\"" + aliases.get(0) + "\",\"aliases\":[\""
                                + String.join("\",\"", aliases) + "\"]}]}"))));
    }

    /** A delegated token answer: msal4j keeps an account (for silent refresh) only with id_token and client_info. */
    public static String userTokenAnswer(
            String accessToken, String refreshToken, int expiresIn, String upn, String scope) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String idToken = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"oid\":\"oid-1\",\"tid\":\"tid-1\",\"preferred_username\":\"" + upn
                                + "\",\"name\":\"Admin\"}")
                        .getBytes(StandardCharsets.UTF_8))
                + ".";
        String clientInfo =
                b64.encodeToString("{\"uid\":\"oid-1\",\"utid\":\"tid-1\"}".getBytes(StandardCharsets.UTF_8));
        return "{\"token_type\":\"Bearer\",\"scope\":\"" + scope + " openid profile offline_access\",\"expires_in\":"
                + expiresIn
                + ",\"ext_expires_in\":" + expiresIn + ",\"access_token\":\"" + accessToken + "\",\"refresh_token\":\""
                + refreshToken
                + "\",\"id_token\":\"" + idToken + "\",\"client_info\":\"" + clientInfo + "\"}";
    }

    /** An app-only token answer, with the fields msal4j reads from Entra's token endpoint. */
    public static String tokenAnswer(String accessToken, int expiresIn) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                + ",\"access_token\":\"" + accessToken + "\"}";
    }

    public static String errorAnswer(String error, String description) {
        return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\",\"error_codes\":[0]}";
    }

    /** msal4j's HTTP stack replaced by one that sends everything to this server. */
    public IHttpClient router() {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(trust)
                .build();
        Set<String> restricted = Set.of("host", "connection", "content-length", "expect", "upgrade");
        return request -> {
            URI original = request.url().toURI();
            // HTTPS (Entra) to the TLS port, plain HTTP (managed identity endpoints) to the plain one
            URI routed = URI.create(original.getScheme() + "://127.0.0.1:"
                    + ("https".equals(original.getScheme()) ? server.httpsPort() : server.port())
                    + original.getRawPath()
                    + (original.getRawQuery() != null ? "?" + original.getRawQuery() : ""));
            HttpRequest.Builder builder = HttpRequest.newBuilder(routed).header("X-Original-Host", original.getHost());
            request.headers().forEach((name, value) -> {
                if (!restricted.contains(name.toLowerCase())) {
                    builder.header(name, value);
                }
            });
            builder.method(
                    request.httpMethod().name(),
                    request.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body()));
            java.net.http.HttpResponse<String> answer =
                    http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            // msal4j looks some headers up case-sensitively, and java.net.http lower-cases them: give both spellings
            Map<String, List<String>> headers = new HashMap<>();
            answer.headers().map().forEach((name, values) -> {
                headers.put(name, values);
                headers.put(capitalized(name), values);
            });
            HttpResponse response =
                    new HttpResponse().statusCode(answer.statusCode()).body(answer.body());
            response.addHeaders(headers);
            return response;
        };
    }

    private static String capitalized(String header) {
        StringBuilder out = new StringBuilder();
        for (String part : header.split("-")) {
            if (out.length() > 0) {
                out.append('-');
            }
            out.append(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
