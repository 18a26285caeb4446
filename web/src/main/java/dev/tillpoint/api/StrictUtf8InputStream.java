package dev.tillpoint.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through and fails with {@link MalformedBodyException} at the first byte
 * that is not well-formed UTF-8 (RFC 3629): a stray continuation byte, a truncated sequence, an
 * overlong form such as {@code C0 AF} (which lenient decoders, Jackson's among them, read as
 * {@code /}), a UTF-16 surrogate encoded in UTF-8, or a code point above U+10FFFF. JSON is UTF-8
 * (RFC 8259), so such a body is malformed, not something to guess at.
 *
 * <p>A small state machine over the bytes, so nothing is buffered or decoded twice. Not
 * thread-safe, like the request it belongs to; mark and reset are not supported.
 */
public final class StrictUtf8InputStream extends FilterInputStream {

    /** Continuation bytes still expected in the current sequence. */
    private int pending;
    /** The allowed range of the next byte: narrower than 80..BF right after E0, ED, F0 and F4. */
    private int nextMin = 0x80;
    private int nextMax = 0xBF;

    public StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            atEnd();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            atEnd();
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would go unchecked: read and check them instead.
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // Not supported: a reset would re-read bytes past the state machine.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void atEnd() throws MalformedBodyException {
        if (pending > 0) {
            throw new MalformedBodyException();
        }
    }

    private void check(int b) throws MalformedBodyException {
        if (pending > 0) {
            if (b < nextMin || b > nextMax) {
                throw new MalformedBodyException();
            }
            pending--;
            nextMin = 0x80;
            nextMax = 0xBF;
            return;
        }
        if (b <= 0x7F) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                nextMin = 0xA0; // below is an overlong three-byte form
            } else if (b == 0xED) {
                nextMax = 0x9F; // above is a surrogate, U+D800-DFFF
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                nextMin = 0x90; // below is an overlong four-byte form
            } else if (b == 0xF4) {
                nextMax = 0x8F; // above is beyond U+10FFFF
            }
        } else {
            // 80..BF without a lead byte, C0 and C1 (always overlong), F5..FF (never UTF-8).
            throw new MalformedBodyException();
        }
    }
}
