package io.camelexo.exchangeonline.session;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions by identity, reference-counted: the first endpoint that names an identity opens (signs in) its
 * session, later ones share it, and the last one to stop closes it and drops its tokens. A session is listed from
 * the moment its sign-in starts, so health checks can report one that waits for a person (device code).
 */
public final class ExoSessionManager {

    private final ConcurrentMap<SessionSettings.SessionKey, Shared> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger ordinal = new AtomicInteger();

    private static final class Shared {
        final ExoSession session;
        int references = 1;

        Shared(ExoSession session) {
            this.session = session;
        }
    }

    /** The session for these settings, opened now if it is the first use; sign-in failures are thrown here. */
    public synchronized ExoSession acquire(SessionSettings settings) {
        SessionSettings.SessionKey key = settings.key();
        Shared shared = sessions.get(key);
        if (shared != null) {
            shared.references++;
            return shared.session;
        }
        ExoSession session = new ExoSession(settings, ordinal.incrementAndGet());
        sessions.put(key, new Shared(session));
        try {
            session.open();
        } catch (RuntimeException e) {
            sessions.remove(key);
            session.close();
            throw e;
        }
        return session;
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
        return List.copyOf(sessions.values().stream().map(shared -> shared.session).toList());
    }

    public int openSessions() {
        return sessions.size();
    }

    public synchronized void closeAll() {
        sessions.values().forEach(shared -> shared.session.close());
        sessions.clear();
    }
}
