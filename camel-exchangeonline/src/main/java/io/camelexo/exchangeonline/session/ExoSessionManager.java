package io.camelexo.exchangeonline.session;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions by identity, reference-counted: the first endpoint that names an identity opens (signs in) its
 * session, later ones share it, and the last one to stop closes it and drops its tokens. A session is listed from
 * the moment its sign-in starts, so health checks can report one that waits for a person (device code).
 */
public final class ExoSessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(ExoSessionManager.class);

    private final ConcurrentMap<SessionSettings.SessionKey, Shared> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger ordinal = new AtomicInteger();
    /**
     * One HttpClient per transport setting, shared by the sessions that use it: a partner's sessions (one per customer
     * tenant, all to the same Admin API host) reuse one pool of connections and one selector thread instead of one
     * each. Every request carries its own session's token, so sharing connections mixes no identities.
     */
    private final ConcurrentMap<Transport, HttpClient> httpClients = new ConcurrentHashMap<>();

    private final Clock clock;

    public ExoSessionManager() {
        this(Clock.systemUTC());
    }

    /** @param clock the time the sessions' token caches go by (a test moves it to reach a token's refresh point) */
    public ExoSessionManager(Clock clock) {
        this.clock = clock;
    }

    private static final class Shared {
        final ExoSession session;
        final CompletableFuture<Void> opened = new CompletableFuture<>();
        int references = 1;

        Shared(ExoSession session) {
            this.session = session;
        }
    }

    /**
     * The session for these settings, opened now if it is the first use; sign-in failures are thrown here. Sign-in
     * runs outside the manager's lock: a device login that waits for a person holds up only the endpoints that
     * share its identity.
     */
    public ExoSession acquire(SessionSettings settings, SessionThroughput throughput) {
        SessionSettings.SessionKey key = settings.key();
        Shared shared;
        boolean opener;
        synchronized (this) {
            shared = sessions.get(key);
            opener = shared == null;
            if (opener) {
                shared = new Shared(
                        new ExoSession(settings, ordinal.incrementAndGet(), clock, throughput, httpClient(settings)));
                sessions.put(key, shared);
            } else {
                shared.references++;
                int fixed = shared.session.governor().maxConcurrentRequests();
                if (fixed != throughput.maxConcurrentRequests()) {
                    LOG.warn(
                            "{} keeps maxConcurrentRequests={}, set by the endpoint that opened it; {} is ignored",
                            shared.session.name(),
                            fixed,
                            throughput.maxConcurrentRequests());
                }
            }
        }
        if (opener) {
            open(key, shared);
        } else {
            try {
                shared.opened.join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
        return shared.session;
    }

    /** What an HttpClient is built from; the SSLContext by identity (the component keeps one per configuration). */
    private record Transport(SSLContext sslContext, InetSocketAddress proxy, Duration connectTimeout) {}

    private HttpClient httpClient(SessionSettings settings) {
        return httpClients.computeIfAbsent(
                new Transport(settings.sslContext(), settings.proxy(), settings.connectTimeout()), transport -> {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(transport.connectTimeout());
                    if (transport.sslContext() != null) {
                        builder.sslContext(transport.sslContext());
                    }
                    if (transport.proxy() != null) {
                        builder.proxy(ProxySelector.of(transport.proxy()));
                    }
                    return builder.build();
                });
    }

    private void open(SessionSettings.SessionKey key, Shared shared) {
        try {
            shared.session.open();
            shared.opened.complete(null);
        } catch (RuntimeException e) {
            synchronized (this) {
                sessions.remove(key, shared);
            }
            shared.session.close();
            shared.opened.completeExceptionally(e);
            throw e;
        }
    }

    public synchronized void release(ExoSession session) {
        sessions.entrySet().removeIf(entry -> {
            if (entry.getValue().session != session || --entry.getValue().references > 0) {
                return false;
            }
            session.close();
            return true;
        });
    }

    /** Every session, including one still signing in. */
    public Collection<ExoSession> sessions() {
        return List.copyOf(
                sessions.values().stream().map(shared -> shared.session).toList());
    }

    public synchronized void closeAll() {
        sessions.values().forEach(shared -> shared.session.close());
        sessions.clear();
        httpClients.clear();
    }
}
