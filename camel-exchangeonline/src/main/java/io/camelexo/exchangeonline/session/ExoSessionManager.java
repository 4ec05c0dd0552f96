package io.camelexo.exchangeonline.session;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions by identity, reference-counted: the first endpoint that names an identity opens (signs in) its
 * session, later ones share it, and the last one to stop closes it and drops its tokens.
 */
public final class ExoSessionManager {

    private final Map<SessionSettings.SessionKey, Shared> sessions = new HashMap<>();
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
        session.open();
        sessions.put(key, new Shared(session));
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

    public synchronized int openSessions() {
        return sessions.size();
    }

    public synchronized void closeAll() {
        sessions.values().forEach(shared -> shared.session.close());
        sessions.clear();
    }
}
