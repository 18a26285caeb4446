package dev.tillpoint.it;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Eddystone-EID written here from google/eddystone eid-computation.md, independently of the
 * server's code, with javax.crypto only (no other dependency, so in-container tests can ship it).
 */
final class EidComputation {

    private EidComputation() {
    }

    /** The EID (16 hex) a beacon broadcasts while its counter reads {@code counter}, per eid-computation.md. */
    static String eidAt(String identityKeyHex, int rotationExponent, long counter) {
        byte[] identityKey = HexFormat.of().parseHex(identityKeyHex);
        ByteBuffer temporaryKeyInput = ByteBuffer.allocate(16)
                .put(new byte[11]).put((byte) 0xFF).put(new byte[2]).putShort((short) (counter >>> 16));
        byte[] temporaryKey = aes(identityKey, temporaryKeyInput.array());
        ByteBuffer eidInput = ByteBuffer.allocate(16)
                .put(new byte[11]).put((byte) rotationExponent).putInt((int) ((counter >>> rotationExponent) << rotationExponent));
        byte[] eid = aes(temporaryKey, eidInput.array());
        return HexFormat.of().formatHex(eid, 0, 8);
    }

    private static byte[] aes(byte[] key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
