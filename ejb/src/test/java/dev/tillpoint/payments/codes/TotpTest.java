package dev.tillpoint.payments.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-256 seed is the 32-byte ASCII "1234567890" repeated. */
    private static final byte[] RFC_SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s -> {1}")
    @CsvSource({
        "59, 46119246",
        "1111111109, 68084774",
        "1111111111, 67062674",
        "1234567890, 91819424",
        "2000000000, 90698825",
        "20000000000, 77737706"})
    void codesAreTheRfc6238Sha256TestVectors(long unixSeconds, String expected) {
        long step = Totp.stepAt(Instant.ofEpochSecond(unixSeconds));
        assertEquals(expected, Totp.code(RFC_SHA256_SEED, step));
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertEquals(0, Totp.stepAt(Instant.ofEpochSecond(29)));
        assertEquals(1, Totp.stepAt(Instant.ofEpochSecond(30)));
        assertEquals(1, Totp.stepAt(Instant.ofEpochSecond(59)));
        assertEquals(37_037_037, Totp.stepAt(Instant.ofEpochSecond(1_111_111_111)));
    }

    @Test
    void codesAreZeroPaddedToEightDigits() {
        for (long step = 0; step < 2000; step++) {
            String code = Totp.code(RFC_SHA256_SEED, step);
            assertEquals(8, code.length(), code);
            assertTrue(Totp.isWellFormed(code), code);
        }
    }

    @Test
    void matchingIsExact() {
        assertTrue(Totp.matches("01234567", "01234567"));
        assertFalse(Totp.matches("01234567", "01234568"));
        assertFalse(Totp.matches("01234567", "1234567"));
        assertFalse(Totp.matches("01234567", null));
    }

    @Test
    void wellFormedCodesAreExactlyEightAsciiDigits() {
        assertTrue(Totp.isWellFormed("00000000"));
        assertFalse(Totp.isWellFormed("1234567"));
        assertFalse(Totp.isWellFormed("123456789"));
        assertFalse(Totp.isWellFormed("1234567a"));
        assertFalse(Totp.isWellFormed("１２３４５６７８"));
        assertFalse(Totp.isWellFormed(null));
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MZXW6", Base32.encode("foo".getBytes(StandardCharsets.US_ASCII)));
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 37 + 11);
        }
        assertEquals(52, Base32.encode(secret).length());
        org.junit.jupiter.api.Assertions.assertArrayEquals(secret, Base32.decode(Base32.encode(secret)));
    }
}
