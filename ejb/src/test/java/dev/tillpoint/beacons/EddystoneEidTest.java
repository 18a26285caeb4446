package dev.tillpoint.beacons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Eddystone-EID as eid-computation.md specifies it, checked against a computation written here
 * from the specification's tables with javax.crypto directly.
 */
class EddystoneEidTest {

    private static final byte[] IDENTITY_KEY = HexFormat.of().parseHex("e2c56db5dffb48d2b060d0f5a71096e0");

    /** The specification's two steps, byte layout built with a ByteBuffer rather than by index. */
    private static byte[] independentEid(byte[] identityKey, int k, long counter) throws Exception {
        ByteBuffer tkInput = ByteBuffer.allocate(16);
        tkInput.put(new byte[11]).put((byte) 0xFF).put(new byte[2]).putShort((short) ((counter >>> 16) & 0xFFFF));
        byte[] temporaryKey = aesEcb(identityKey, tkInput.array());
        ByteBuffer eidInput = ByteBuffer.allocate(16);
        long cleared = (counter >>> k) << k;
        eidInput.put(new byte[11]).put((byte) k).putInt((int) cleared);
        byte[] full = aesEcb(temporaryKey, eidInput.array());
        byte[] eid = new byte[8];
        System.arraycopy(full, 0, eid, 0, 8);
        return eid;
    }

    private static byte[] aesEcb(byte[] key, byte[] block) throws Exception {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return aes.doFinal(block);
    }

    @Test
    void matchesTheSpecificationsTwoStepComputation() throws Exception {
        for (int k = 0; k <= 15; k++) {
            for (long counter : new long[] {0, 1, 65_280, 65_535, 65_536, 1_764_633_600L, 0xFFFF_FFFFL}) {
                assertArrayEquals(independentEid(IDENTITY_KEY, k, counter), EddystoneEid.compute(IDENTITY_KEY, k, counter),
                        "K=" + k + ", counter=" + counter);
            }
        }
    }

    @Test
    void anEidIsEightBytesAndStaysTheSameWithinARotationPeriod() {
        int k = 10;
        long periodStart = 1_764_633_600L & ~1023L;
        byte[] first = EddystoneEid.compute(IDENTITY_KEY, k, periodStart);
        assertEquals(8, first.length);
        assertArrayEquals(first, EddystoneEid.compute(IDENTITY_KEY, k, periodStart + 1023));
        assertNotEquals(HexFormat.of().formatHex(first),
                HexFormat.of().formatHex(EddystoneEid.compute(IDENTITY_KEY, k, periodStart + 1024)), "rolls with the period");
    }

    @Test
    void rollsOverAcrossTheTemporaryKeysBoundary() throws Exception {
        // 65 535 -> 65 536 changes the top 16 bits of the counter, so the temporary key too.
        int k = 0;
        assertArrayEquals(independentEid(IDENTITY_KEY, k, 65_535), EddystoneEid.compute(IDENTITY_KEY, k, 65_535));
        assertArrayEquals(independentEid(IDENTITY_KEY, k, 65_536), EddystoneEid.compute(IDENTITY_KEY, k, 65_536));
        assertNotEquals(HexFormat.of().formatHex(EddystoneEid.compute(IDENTITY_KEY, k, 65_535)),
                HexFormat.of().formatHex(EddystoneEid.compute(IDENTITY_KEY, k, 65_536)));
    }

    @Test
    void ofPeriodIsTheEidOfThePeriodsFirstSecond() {
        assertEquals(HexFormat.of().formatHex(EddystoneEid.compute(IDENTITY_KEY, 4, 16 * 1000L)),
                EddystoneEid.ofPeriod(IDENTITY_KEY, 4, 1000));
        assertEquals(16, EddystoneEid.ofPeriod(IDENTITY_KEY, 4, 1000).length());
    }

    @Test
    void anotherKeyGivesAnotherEid() {
        byte[] other = HexFormat.of().parseHex("00000000000000000000000000000001");
        assertNotEquals(EddystoneEid.ofPeriod(IDENTITY_KEY, 8, 5), EddystoneEid.ofPeriod(other, 8, 5));
    }

    @Test
    void refusesWhatTheSpecificationDoesNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> EddystoneEid.compute(new byte[15], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> EddystoneEid.compute(IDENTITY_KEY, 16, 0));
        assertThrows(IllegalArgumentException.class, () -> EddystoneEid.compute(IDENTITY_KEY, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> EddystoneEid.compute(IDENTITY_KEY, 0, 1L << 32));
    }
}
