package io.camelexo.exchangeonline.adminapi;

/**
 * Times the HTTP requests of one page and reports each to the observer once its outcome is known: a request that
 * another follows was sent again (or throttled); the last one either brought the page or failed the call. Used by
 * the one thread that requests the page.
 */
final class RequestAttempts {

    private final CallObserver observer;
    private final String cmdlet;
    private long sentAt;
    private long nanos;
    private boolean unreported;
    private boolean throttled;

    RequestAttempts(CallObserver observer, String cmdlet) {
        this.observer = observer;
        this.cmdlet = cmdlet;
    }

    /** A request goes out now; closing what this returns notes that its answer is in, or that it failed. */
    Sending sending() {
        report(CallObserver.Outcome.RETRIED);
        sentAt = System.nanoTime();
        return () -> {
            nanos = System.nanoTime() - sentAt;
            unreported = true;
        };
    }

    /** The service throttled the request just answered. */
    void throttled() {
        throttled = true;
    }

    void succeeded() {
        report(CallObserver.Outcome.SUCCESS);
    }

    void failed() {
        report(CallObserver.Outcome.ERROR);
    }

    private void report(CallObserver.Outcome outcome) {
        if (unreported) {
            unreported = false;
            observer.requestCompleted(cmdlet, throttled ? CallObserver.Outcome.THROTTLED : outcome, nanos);
            throttled = false;
        }
    }

    /** A request on its way. */
    interface Sending extends AutoCloseable {
        @Override
        void close();
    }
}
