package dev.tillpoint.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Passes a request body through and fails with {@link PayloadTooLargeException} as soon as more
 * than {@code limit} bytes have been read. A body whose declared Content-Length is already over
 * the limit fails on its first read, without reading anything.
 *
 * <p>Failing on read rather than refusing in a filter keeps DESIGN.md's order: 401 and 403 come
 * before anything touches the body, and only a resource that really reads a body can be refused
 * for its size.
 *
 * <p>Not thread-safe, like the request it belongs to. Mark and reset are not supported, so a
 * reader cannot re-read bytes uncounted.
 */
public final class BodyLimitInputStream extends InputStream {

    private final InputStream in;
    private final long limit;
    private final boolean declaredTooLarge;
    private long count;

    /**
     * @param in             the body
     * @param limit          the most bytes allowed
     * @param declaredLength the Content-Length, or -1 when the body is chunked or the header absent
     */
    public BodyLimitInputStream(InputStream in, long limit, long declaredLength) {
        this.in = Objects.requireNonNull(in, "in");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
        this.declaredTooLarge = declaredLength > limit;
    }

    @Override
    public int read() throws IOException {
        refuseIfDeclaredTooLarge();
        int b = underlying(() -> in.read());
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        refuseIfDeclaredTooLarge();
        int n = underlying(() -> in.read(buffer, offset, length));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        refuseIfDeclaredTooLarge();
        long skipped = in.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** A read of the wrapped stream: its own refusals pass, a broken connection becomes the client's fault. */
    private static int underlying(Read read) throws IOException {
        try {
            return read.read();
        } catch (PayloadTooLargeException | MalformedBodyException | BodyUnreadableException refused) {
            throw refused;
        } catch (IOException connectionGone) {
            throw new BodyUnreadableException(connectionGone);
        }
    }

    @FunctionalInterface
    private interface Read {
        int read() throws IOException;
    }

    private void refuseIfDeclaredTooLarge() throws PayloadTooLargeException {
        if (declaredTooLarge) {
            throw new PayloadTooLargeException(limit);
        }
    }

    private void counted(long n) throws PayloadTooLargeException {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }
}
