package io.residency.auditor.collect.series;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An HTTP answer read up to a number of bytes: past it the reader gets an error, not more data. */
final class BoundedInputStream extends FilterInputStream {

    /** The answer is larger than the bound. */
    static final class LimitException extends IOException {
        LimitException(String message) {
            super(message);
        }
    }

    private final long limit;
    private long read;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws LimitException {
        read += n;
        if (read > limit) {
            throw new LimitException("answer larger than " + limit / (1024 * 1024) + " MiB");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }
}
