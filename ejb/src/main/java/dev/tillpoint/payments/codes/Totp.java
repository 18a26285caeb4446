package dev.tillpoint.payments.codes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP as DESIGN.md fixes it: HMAC-SHA256 over the secret, 8 digits, 30 s steps, T0 = 0.
 * The phone computes the same codes offline from the secret it got with its authorization.
 */
public final class Totp {

    public static final String ALGORITHM = "TOTP";
    public static final String HASH = "HmacSHA256";
    public static final int DIGITS = 8;
    /** The shape of a code as a POS sends it. */
    public static final String CODE_REGEX = "[0-9]{8}";
    public static final int PERIOD_SECONDS = 30;

    private static final int MODULUS = 100_000_000;

    private Totp() {
    }

    /** The time step {@code at} falls in: floor((unix seconds - T0) / period), T0 = 0. */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 8-digit code of {@code step}, zero-padded (RFC 4226 dynamic truncation of HMAC-SHA256). */
    public static String code(byte[] secret, long step) {
        return codes(secret, step, step)[0];
    }

    /** The codes of the steps {@code first..last}, with one MAC keyed once (what matching a code needs). */
    public static String[] codes(byte[] secret, long first, long last) {
        Objects.requireNonNull(secret, "secret");
        try {
            Mac mac = Mac.getInstance(HASH);
            mac.init(new SecretKeySpec(secret, HASH));
            String[] codes = new String[(int) (last - first + 1)];
            for (long step = first; step <= last; step++) {
                byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
                int offset = hash[hash.length - 1] & 0x0f;
                int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                        | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
                String digits = Integer.toString(binary % MODULUS);
                codes[(int) (step - first)] = "0".repeat(DIGITS - digits.length()) + digits;
            }
            return codes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    /** Whether the code sent equals the expected one, in time independent of where they differ. */
    public static boolean matches(String expected, String sent) {
        if (expected == null || sent == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code sent} has a code's shape: exactly 8 ASCII digits. */
    public static boolean isWellFormed(String sent) {
        if (sent == null || sent.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < sent.length(); i++) {
            if (sent.charAt(i) < '0' || sent.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
