package io.residency.auditor.collect;

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
 * An HTTP response body that must be read whole within a deadline. The JDK client's request
 * timeout ends when the headers arrive; a server that then stalls mid-body would block a reader
 * for ever. When the deadline passes the body is closed, and the reader gets a timeout.
 */
public final class DeadlineInputStream extends FilterInputStream {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "http-body-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> expiry;
    private final Duration deadline;
    private volatile boolean expired;

    public DeadlineInputStream(InputStream body, Duration deadline) {
        super(body);
        this.deadline = deadline;
        this.expiry = TIMER.schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader is told through read()
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw translated(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw translated(e);
        }
    }

    private IOException translated(IOException e) {
        if (!expired) {
            return e;
        }
        HttpTimeoutException timeout = new HttpTimeoutException("answer not complete within " + deadline.toSeconds() + " s (timeout)");
        timeout.initCause(e);
        return timeout;
    }

    @Override
    public void close() throws IOException {
        expiry.cancel(false);
        super.close();
    }
}
