package io.camelexo.exchangeonline.adminapi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that fails when its bytes stop arriving for longer than the request timeout. The JDK client's
 * {@code HttpRequest.timeout} covers only the wait for the headers: a 15 MB page that stalls halfway would block
 * its route for good.
 */
final class StallGuard extends FilterInputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "exo-response-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final long idleNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    private StallGuard(InputStream body, Duration idleTimeout) {
        super(body);
        this.idleNanos = idleTimeout.toNanos();
        long period = Math.max(100, idleTimeout.toMillis() / 4);
        this.check = WATCHDOG.scheduleWithFixedDelay(this::closeIfStalled, period, period, TimeUnit.MILLISECONDS);
    }

    static InputStream guard(InputStream body, Duration idleTimeout) {
        return new StallGuard(body, idleTimeout);
    }

    private void closeIfStalled() {
        if (System.nanoTime() - lastProgress > idleNanos) {
            stalled = true;
            try {
                close();
            } catch (IOException ignored) {
                // the reader sees the stall either way
            }
        }
    }

    @Override
    public int read() throws IOException {
        return guarded(() -> super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return guarded(() -> super.read(buffer, offset, length));
    }

    private interface Read {
        int read() throws IOException;
    }

    private int guarded(Read read) throws IOException {
        try {
            int result = read.read();
            lastProgress = System.nanoTime();
            return result;
        } catch (IOException e) {
            if (stalled) {
                throw new HttpTimeoutException("no data for "
                        + Duration.ofNanos(idleNanos).toSeconds() + " s (requestTimeout) while reading the response");
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
