package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The RSA key for SecureString parameters (docs/admin-api.md, "SecureString and PSCredential parameters"): the
 * configured one, else the one embedded in the module file the service hands out at connect time, fetched once per
 * session when a call first needs it.
 */
final class SecureStringKeySource {

    /** The module version sent when asking for the module file; the service builds its proxy module for it. */
    static final String MODULE_VERSION = "3.9.2";

    private static final int MAX_MODULE_FILE_BYTES = 16 << 20;
    private static final Duration MODULE_FILE_TIMEOUT = Duration.ofMinutes(2);

    private final GovernedHttp http;
    private final ServiceLocation location;
    private final TokenSupplier tokens;
    private final String connectionId;
    private final SecureStringKey configuredKey;
    private volatile SecureStringKey fetchedKey;

    SecureStringKeySource(
            GovernedHttp http,
            ServiceLocation location,
            TokenSupplier tokens,
            String connectionId,
            SecureStringKey configuredKey) {
        this.http = http;
        this.location = location;
        this.tokens = tokens;
        this.connectionId = connectionId;
        this.configuredKey = configuredKey;
    }

    SecureStringKey key() {
        if (configuredKey != null) {
            return configuredKey;
        }
        SecureStringKey key = fetchedKey;
        if (key == null) {
            synchronized (this) {
                if (fetchedKey == null) {
                    fetchedKey = fetch();
                }
                key = fetchedKey;
            }
        }
        return key;
    }

    private SecureStringKey fetch() {
        String requestId = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(location.moduleFile(MODULE_VERSION))
                .timeout(MODULE_FILE_TIMEOUT)
                .header("Authorization", "Bearer " + tokens.accessToken(false, null))
                .header("Accept-Encoding", "gzip")
                .header("CommandName", "*")
                .header("client-request-id", requestId)
                .header("connection-id", connectionId)
                .header("User-Agent", "camel-exchangeonline")
                .GET()
                .build();
        try {
            GovernedHttp.Answer answer = http.fetchText(request, MAX_MODULE_FILE_BYTES, MODULE_FILE_TIMEOUT);
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            SecureStringKey key = answer.status() == 200 ? SecureStringKey.find(text) : null;
            if (key == null) {
                throw new ExoException(
                        "The RSA key for SecureString parameters is not available (EXOModuleFile answered HTTP "
                                + answer.status()
                                + " without an RSAKeyValue); set secureStringPublicKey [client-request-id " + requestId
                                + "]",
                        answer.status(),
                        null,
                        requestId,
                        null);
            }
            return key;
        } catch (IOException e) {
            throw new ExoException(
                    "The RSA key for SecureString parameters could not be fetched: " + e, 0, null, requestId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExoException(
                    "Interrupted while fetching the RSA key for SecureString parameters", 0, null, requestId, e);
        }
    }
}
