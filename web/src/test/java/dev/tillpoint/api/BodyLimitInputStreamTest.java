package dev.tillpoint.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class BodyLimitInputStreamTest {

    private static final int LIMIT = 16;

    @Test
    void passesABodyOfExactlyTheLimitThrough() throws IOException {
        byte[] body = bytes(LIMIT);
        try (BodyLimitInputStream in = new BodyLimitInputStream(new ByteArrayInputStream(body), LIMIT, -1)) {
            assertArrayEquals(body, in.readAllBytes());
            assertEquals(LIMIT, in.count());
        }
    }

    @Test
    void refusesAChunkedBodyOneByteOverTheLimit() {
        BodyLimitInputStream in = new BodyLimitInputStream(new ByteArrayInputStream(bytes(LIMIT + 1)), LIMIT, -1);
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, in::readAllBytes);
        assertEquals(LIMIT, e.limit());
    }

    @Test
    void countsSingleByteReads() throws IOException {
        BodyLimitInputStream in = new BodyLimitInputStream(new ByteArrayInputStream(bytes(LIMIT + 1)), LIMIT, -1);
        for (int i = 0; i < LIMIT; i++) {
            assertTrue(in.read() >= 0);
        }
        assertThrows(PayloadTooLargeException.class, in::read);
    }

    @Test
    void countsSkippedBytes() throws IOException {
        BodyLimitInputStream in = new BodyLimitInputStream(new ByteArrayInputStream(bytes(LIMIT + 4)), LIMIT, -1);
        in.skip(LIMIT);
        assertThrows(PayloadTooLargeException.class, () -> in.skip(1));
    }

    @Test
    void refusesADeclaredOversizeBodyWithoutReadingIt() {
        AtomicBoolean touched = new AtomicBoolean();
        InputStream body = new InputStream() {
            @Override
            public int read() {
                touched.set(true);
                return 'x';
            }
        };
        BodyLimitInputStream in = new BodyLimitInputStream(body, LIMIT, LIMIT + 1);
        assertThrows(PayloadTooLargeException.class, () -> in.read(new byte[8], 0, 8));
        assertThrows(PayloadTooLargeException.class, in::read);
        assertEquals(false, touched.get());
    }

    @Test
    void aDeclaredLengthWithinTheLimitIsStillCounted() {
        // Content-Length says 4, the stream brings more: the count, not the header, decides.
        BodyLimitInputStream in = new BodyLimitInputStream(new ByteArrayInputStream(bytes(LIMIT * 2)), LIMIT, 4);
        assertThrows(PayloadTooLargeException.class, in::readAllBytes);
    }

    @Test
    void doesNotSupportMarkSoNothingIsReReadUncounted() {
        assertEquals(false, new BodyLimitInputStream(new ByteArrayInputStream(bytes(1)), LIMIT, -1).markSupported());
    }

    @Test
    void readsTheContentLengthHeader() {
        assertEquals(-1, BodySizeLimitFilter.declaredLength(null));
        assertEquals(-1, BodySizeLimitFilter.declaredLength(""));
        assertEquals(-1, BodySizeLimitFilter.declaredLength("12a"));
        assertEquals(-1, BodySizeLimitFilter.declaredLength("-5"));
        assertEquals(65536, BodySizeLimitFilter.declaredLength(" 65536 "));
        assertEquals(Long.MAX_VALUE, BodySizeLimitFilter.declaredLength("99999999999999999999999"));
        assertEquals("1048576", BodySizeLimitFilter.DEFAULT_MAX_BODY_BYTES, "DESIGN.md \"Errors\": 1 MiB");
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 'a');
        return b;
    }
}
