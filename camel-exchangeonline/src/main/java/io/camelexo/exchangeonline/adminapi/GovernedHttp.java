package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The session's HTTP: every request goes through its {@link RequestGovernor} and its answer is received in full
 * before the slot is given back, so the slot count is what the service sees in flight. Knows nothing of cmdlets,
 * retries or redirects: the caller decides what an answer means.
 */
final class GovernedHttp {

    private final HttpClient http;
    private final RequestGovernor governor;
    private final ClientStatistics statistics;

    GovernedHttp(HttpClient http, RequestGovernor governor, ClientStatistics statistics) {
        this.http = http;
        this.governor = governor;
        this.statistics = statistics;
    }

    /**
     * Sends the request and receives the answer: a 2xx body whole and as sent (gzip stays compressed), an error body
     * decoded up to {@code maxErrorBytes}, a redirect's target.
     *
     * @throws IOException   the request got no answer (connection refused, reset, timed out before the headers)
     * @throws BodyBrokeOff  a 2xx answer whose body broke off or stalled while it was received
     */
    Answer exchange(HttpRequest request, Duration idleTimeout, int maxErrorBytes)
            throws IOException, BodyBrokeOff, InterruptedException {
        try (RequestGovernor.Slot slot = governor.enter()) {
            statistics.requestSent();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return receiveWhole(response, idleTimeout);
            }
            String location = response.headers().firstValue("Location").orElse(null);
            if (isRedirect(status) && location != null) {
                closeQuietly(response.body());
                return new Answer(status, new byte[0], false, location, null, null, List.of());
            }
            return new Answer(
                    status,
                    readDecoded(response, maxErrorBytes, idleTimeout),
                    false,
                    null,
                    header(response, "x-ExceptionType"),
                    header(response, "Retry-After"),
                    response.headers().allValues("WWW-Authenticate"));
        }
    }

    /** Sends the request and returns its status and decoded body up to {@code maxBytes}, whatever the status. */
    Answer fetchText(HttpRequest request, int maxBytes, Duration idleTimeout) throws IOException, InterruptedException {
        try (RequestGovernor.Slot slot = governor.enter()) {
            statistics.requestSent();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new Answer(
                    response.statusCode(),
                    readDecoded(response, maxBytes, idleTimeout),
                    false,
                    null,
                    null,
                    null,
                    List.of());
        }
    }

    /** What one request brought back, received in full. */
    record Answer(
            int status,
            byte[] body,
            boolean gzip,
            String location,
            String exceptionType,
            String retryAfter,
            List<String> authenticate) {}

    /** A 2xx answer whose body broke off (connection lost or stalled) while it was received. */
    static final class BodyBrokeOff extends Exception {
        final ExoProtocolException failure;

        BodyBrokeOff(ExoProtocolException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    /** Presized from Content-Length, so a large page is not copied while it grows. */
    private static Answer receiveWhole(HttpResponse<InputStream> response, Duration idleTimeout) throws BodyBrokeOff {
        int status = response.statusCode();
        try (InputStream body = StallGuard.guard(response.body(), idleTimeout)) {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            byte[] bytes = length >= 0 && length < Integer.MAX_VALUE - 8
                    ? readExactly(body, (int) length)
                    : body.readAllBytes();
            boolean gzip =
                    claimsGzip(response) && bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
            return new Answer(status, bytes, gzip, null, null, null, List.of());
        } catch (IOException e) {
            throw new BodyBrokeOff(new ExoProtocolException(
                    "Exchange Online answered HTTP " + status + " but reading the response failed: " + e.getMessage(),
                    status,
                    null,
                    e));
        }
    }

    private static byte[] readExactly(InputStream body, int length) throws IOException {
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length) {
            int n = body.read(bytes, read, length - read);
            if (n < 0) {
                throw new EOFException("the body ended after " + read + " of " + length + " bytes");
            }
            read += n;
        }
        return bytes;
    }

    /** Up to {@code limit} bytes, gunzipped when the body says gzip and really is (some error bodies only claim it). */
    private static byte[] readDecoded(HttpResponse<InputStream> response, int limit, Duration idleTimeout) {
        try (InputStream body = decoded(response, StallGuard.guard(response.body(), idleTimeout))) {
            return body.readNBytes(limit);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static InputStream decoded(HttpResponse<InputStream> response, InputStream body) throws IOException {
        if (!claimsGzip(response)) {
            return body;
        }
        BufferedInputStream buffered = new BufferedInputStream(body, 64 * 1024);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
    }

    private static boolean claimsGzip(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Encoding")
                .map(value -> value.toLowerCase(Locale.ROOT).contains("gzip"))
                .orElse(false);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // connection release is best effort
        }
    }
}
