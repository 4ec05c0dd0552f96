package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 1,000,000-mailbox tenant pages through in bounded memory: the simulator runs in its own JVM with a 64 MB heap
 * (the tenant as Minimum JSON is over a gigabyte) and serves every mailbox, in order, 1000 per page, by InvokeCommand
 * and by the Get-EXOMailbox route, and Name ranges of it (read through the Name index) partition it exactly.
 */
class MillionMailboxPagingTest {

    private static final int MAILBOXES = 1_000_000;
    private static final String HEAP = "-Xmx64m";
    private static final Pattern BANNER_LINE =
            Pattern.compile("^\\s*(Exchange Admin API|Entra ID|Trust store|app id|client secret)\\s*: (\\S+)(.*)$");

    private static Process simulator;
    private static String token;
    private static String adminApi;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startSimulatorWithASmallHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        simulator = new ProcessBuilder(
                        java.toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SimulatorMain.class.getName(),
                        "--mailboxes",
                        Integer.toString(MAILBOXES),
                        "--port",
                        "0",
                        "--compliance-port",
                        "0",
                        "--regional-port",
                        "0",
                        "--entra-port",
                        "0")
                .redirectErrorStream(true)
                .start();
        Map<String, String> banner = readBanner(simulator.getInputStream());
        token = signIn(banner);
        adminApi = banner.get("Exchange Admin API").replace("/{tenant}/InvokeCommand", "/contoso.onmicrosoft.com/");
    }

    @AfterAll
    static void stopSimulator() throws InterruptedException {
        if (simulator != null) {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void invokeCommandWithSelectByRePostingToTheNextLink() throws Exception {
        byte[] body = AdminApiHttp.cmdletInput("Get-Mailbox", Map.of("ResultSize", "Unlimited"));
        pageThroughEverything(
                adminApi + "InvokeCommand?$select=Alias,PrimarySmtpAddress",
                url -> HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                "InvokeCommand, $select");
    }

    @Test
    void getExoMailboxWithTheMinimumPropertySetByGet() throws Exception {
        pageThroughEverything(
                adminApi + "Mailbox?PropertySet=Minimum",
                url -> HttpRequest.newBuilder(URI.create(url)).GET(),
                "Get-EXOMailbox, PropertySet=Minimum");
    }

    private void pageThroughEverything(String firstPage, Function<String, HttpRequest.Builder> request, String what)
            throws Exception {
        long[] count = {0};
        int pages = pageThrough(firstPage, request, "Alias", alias -> {
            // every alias ends with its mailbox index: order and completeness are checked without storing
            String index = Long.toString(count[0]++);
            if (!alias.endsWith(index)) {
                throw new AssertionError("Mailbox " + index + " has alias " + alias);
            }
        });
        System.out.printf("%s: %,d mailboxes, %,d pages, simulator heap %s%n", what, count[0], pages, HEAP);
        assertThat(count[0]).isEqualTo(MAILBOXES);
        assertThat(pages).isEqualTo(MAILBOXES / 1000);
        assertThat(simulator.isAlive()).as("no OutOfMemoryError").isTrue();
    }

    @Test
    void nameRangesPartitionTheTenantWithoutLosingOrDoublingAMailbox() throws Exception {
        BitSet seen = new BitSet(MAILBOXES);
        for (String range : List.of("Name -lt 'H'", "Name -ge 'H' -and Name -lt 'R'", "Name -ge 'R'")) {
            byte[] body = AdminApiHttp.cmdletInput("Get-Mailbox", Map.of("ResultSize", "Unlimited", "Filter", range));
            pageThrough(
                    adminApi + "InvokeCommand?$select=Name",
                    url -> HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                    "Name",
                    name -> {
                        // a generated name ends with its mailbox index
                        int index = Integer.parseInt(name.replaceAll("^.*?(\\d+)$", "$1"));
                        if (seen.get(index)) {
                            throw new AssertionError("Mailbox " + name + " is in two ranges");
                        }
                        seen.set(index);
                    });
        }
        assertThat(seen.cardinality()).isEqualTo(MAILBOXES);
        assertThat(simulator.isAlive()).as("no OutOfMemoryError").isTrue();
    }

    /** Follows the nextLinks, handing every value of the field to the consumer; returns the number of pages. */
    private int pageThrough(
            String firstPage, Function<String, HttpRequest.Builder> request, String field, Consumer<String> values)
            throws Exception {
        long started = System.nanoTime();
        long bytes = 0;
        int pages = 0;
        String url = firstPage;
        while (url != null) {
            HttpResponse<InputStream> page = http.send(
                    request.apply(url)
                            .header("Authorization", "Bearer " + token)
                            .header("Prefer", "odata.maxpagesize=1000")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(page.statusCode()).isEqualTo(200);
            CountingStream counted = new CountingStream(page.body());
            url = readPage(counted, field, values);
            bytes += counted.count;
            pages++;
        }
        System.out.printf(
                "%s: %,d pages, %,d MB in %d ms%n",
                firstPage,
                pages,
                bytes >> 20,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return pages;
    }

    /** Counts the bytes of a response body as it is read. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(0, read);
            return read;
        }
    }

    /** Streams the page, handing each value of the field on; returns the nextLink or null. */
    private static String readPage(InputStream body, String field, Consumer<String> values) throws Exception {
        String nextLink = null;
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "@odata.nextLink".equals(parser.currentName())) {
                    nextLink = parser.nextTextValue();
                } else if (parser.currentToken() == JsonToken.FIELD_NAME && field.equals(parser.currentName())) {
                    values.accept(parser.nextTextValue());
                }
            }
        }
        return nextLink;
    }

    private static Map<String, String> readBanner(InputStream output) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        Map<String, String> banner = new HashMap<>();
        String line;
        while (banner.size() < 5 && (line = lines.readLine()) != null) {
            Matcher matcher = BANNER_LINE.matcher(line);
            if (matcher.matches()) {
                banner.put(
                        matcher.group(1),
                        matcher.group(1).equals("Trust store")
                                ? matcher.group(2) + matcher.group(3)
                                : matcher.group(2));
            }
        }
        assertThat(banner).as("the simulator's banner").hasSize(5);
        // the rest of the output is not needed, but must not fill the pipe
        Thread drain = new Thread(() -> {
            try {
                lines.transferTo(Writer.nullWriter());
            } catch (Exception ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return banner;
    }

    /** A client-credentials sign-in over HTTPS, trusting the store the banner names. */
    private static String signIn(Map<String, String> banner) throws Exception {
        Matcher store = Pattern.compile("(\\S+) \\(PKCS12, password (\\S+)\\)").matcher(banner.get("Trust store"));
        assertThat(store.matches()).isTrue();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(store.group(1)))) {
            trust.load(in, store.group(2).toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        String tokenEndpoint = banner.get("Entra ID").replace("{tenant}", "contoso.onmicrosoft.com");
        String form = "grant_type=client_credentials&client_id=" + banner.get("app id") + "&client_secret="
                + URLEncoder.encode(banner.get("client secret"), StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode("https://outlook.office365.com/.default", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newBuilder()
                .sslContext(tls)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(tokenEndpoint))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return AdminApiHttp.JSON.readTree(answer.body()).path("access_token").asText();
    }
}
