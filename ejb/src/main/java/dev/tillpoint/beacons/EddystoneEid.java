package dev.tillpoint.beacons;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Eddystone-EID computation of google/eddystone {@code eddystone-eid/eid-computation.md}, for a
 * beacon registered with a shared identity key.
 *
 * <ol>
 *   <li>Temporary key = AES-128-ECB under the identity key of 16 bytes: 0x00 at 0..10, the salt 0xFF
 *       at 11, 0x00 at 12..13, and the top 16 bits of the beacon's 32-bit time counter, big-endian,
 *       at 14..15.</li>
 *   <li>EID = the leading 8 bytes of AES-128-ECB under the temporary key of 16 bytes: 0x00 at 0..10,
 *       the rotation exponent K at 11, and the time counter with its K lowest bits cleared,
 *       big-endian, at 12..15.</li>
 * </ol>
 * The EID therefore changes every 2^K seconds of the beacon's counter: one rotation period.
 */
public final class EddystoneEid {

    public static final int IDENTITY_KEY_BYTES = 16;
    public static final int EID_BYTES = 8;
    public static final int MAX_ROTATION_EXPONENT = 15;
    /** The beacon's time counter is 32 bits of seconds. */
    public static final long COUNTER_MODULUS = 1L << 32;

    private static final byte TEMPORARY_KEY_SALT = (byte) 0xFF;

    private EddystoneEid() {
    }

    /**
     * The EID the beacon broadcasts while its counter reads {@code timeCounter}.
     *
     * @param identityKey      the 16-byte AES-128 identity key
     * @param rotationExponent K, 0..15
     * @param timeCounter      the beacon's counter, 0..2^32-1
     */
    public static byte[] compute(byte[] identityKey, int rotationExponent, long timeCounter) {
        Objects.requireNonNull(identityKey, "identityKey");
        if (identityKey.length != IDENTITY_KEY_BYTES) {
            throw new IllegalArgumentException("An EID identity key is 16 bytes (AES-128)");
        }
        if (rotationExponent < 0 || rotationExponent > MAX_ROTATION_EXPONENT) {
            throw new IllegalArgumentException("The rotation exponent is 0..15");
        }
        if (timeCounter < 0 || timeCounter >= COUNTER_MODULUS) {
            throw new IllegalArgumentException("The time counter is 32 bits");
        }
        byte[] temporaryKeyInput = new byte[16];
        temporaryKeyInput[11] = TEMPORARY_KEY_SALT;
        temporaryKeyInput[14] = (byte) (timeCounter >>> 24);
        temporaryKeyInput[15] = (byte) (timeCounter >>> 16);
        byte[] temporaryKey = aes(identityKey, temporaryKeyInput);

        long periodStart = timeCounter & ~((1L << rotationExponent) - 1);
        byte[] eidInput = new byte[16];
        eidInput[11] = (byte) rotationExponent;
        eidInput[12] = (byte) (periodStart >>> 24);
        eidInput[13] = (byte) (periodStart >>> 16);
        eidInput[14] = (byte) (periodStart >>> 8);
        eidInput[15] = (byte) periodStart;
        byte[] encrypted = aes(temporaryKey, eidInput);
        byte[] eid = new byte[EID_BYTES];
        System.arraycopy(encrypted, 0, eid, 0, EID_BYTES);
        return eid;
    }

    /** The EID of rotation period {@code period} (the counter shifted right by K), as 16 lower-case hex. */
    public static String ofPeriod(byte[] identityKey, int rotationExponent, long period) {
        return HexFormat.of().formatHex(compute(identityKey, rotationExponent, period << rotationExponent));
    }

    private static byte[] aes(byte[] key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is unavailable in this JVM", e);
        }
    }
}
