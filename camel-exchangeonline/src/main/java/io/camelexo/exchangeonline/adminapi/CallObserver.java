package io.camelexo.exchangeonline.adminapi;

/**
 * What a session reports while its calls run, for metrics: each HTTP request of a cmdlet call and how it ended, the
 * records handed to the caller, and its sign-ins. Called on the threads that send requests and read records, so an
 * implementation is quick and thread-safe and does not throw. {@link #NONE} records nothing.
 */
public interface CallObserver {

    CallObserver NONE = new CallObserver() {};

    /** How one HTTP request ended; each request has exactly one outcome. */
    enum Outcome {
        /** Answered with success (2xx) and received in full. */
        SUCCESS,
        /** Throttled by the service (HTTP 429 or the concurrency rejection), whether it was sent again or not. */
        THROTTLED,
        /** Sent again: after a failure that may be retried, a 401 (with a new sign-in), or a regional redirect. */
        RETRIED,
        /** Failed, and the call failed with it. */
        ERROR
    }

    /**
     * @param nanos from sending the request (its governor slot taken) until its answer was received in full or it
     *              failed; the wait for a slot is not included
     */
    default void requestCompleted(String cmdlet, Outcome outcome, long nanos) {}

    /** Records of a call handed to the caller since the call last reported (reported page by page). */
    default void recordsDelivered(String cmdlet, long records) {}

    /** Tokens the session obtained from its sign-in method since it last reported. */
    default void signedIn(long signIns) {}

    /** The session ended: what belongs to it alone (its in-flight count, its sign-ins) is no longer reported. */
    default void close() {}

    /** Makes a session's observer once the session knows its tenant. */
    @FunctionalInterface
    interface Factory {

        Factory NONE = (service, tenant, session, governor) -> CallObserver.NONE;

        /**
         * @param service  {@code exo} or {@code scc}
         * @param tenant   the tenant the session's calls go to
         * @param session  the session's name ({@code Get-ConnectionInformation}'s Name)
         * @param governor the session's gate, whose in-flight count the observer may read
         */
        CallObserver forSession(String service, String tenant, String session, RequestGovernor governor);
    }
}
