package dev.tillpoint.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PanCipherTest {

    private static final CardNumber CARD = TestKeys.card("4111111111111111");

    private final PanCipher cipher = new PanCipher(TestKeys.aes256());

    @Test
    void decryptsWhatItEncrypted() {
        assertEquals(CARD, cipher.decrypt(cipher.encrypt(CARD)));
    }

    @Test
    void storesIvThenCiphertextWithTag() {
        byte[] packed = Base64.getDecoder().decode(cipher.encrypt(CARD));

        assertEquals(12 + 16 + 16, packed.length); // IV, 16 digits, GCM tag
    }

    @Test
    void usesAFreshIvEveryTime() {
        byte[] first = Base64.getDecoder().decode(cipher.encrypt(CARD));
        byte[] second = Base64.getDecoder().decode(cipher.encrypt(CARD));

        assertFalse(Arrays.equals(Arrays.copyOf(first, 12), Arrays.copyOf(second, 12)));
        assertNotEquals(Base64.getEncoder().encodeToString(first), Base64.getEncoder().encodeToString(second));
    }

    @Test
    void neverShowsTheDigits() {
        String stored = cipher.encrypt(CARD);

        assertFalse(stored.contains("4111111111111111"));
        assertFalse(new String(Base64.getDecoder().decode(stored), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("4111111111111111"));
    }

    @Test
    void detectsAnAlteredCiphertext() {
        byte[] packed = Base64.getDecoder().decode(cipher.encrypt(CARD));
        packed[20] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(packed);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
        assertFalse(refused.getMessage().contains("4111"));
    }

    @Test
    void detectsAnAlteredIv() {
        byte[] packed = Base64.getDecoder().decode(cipher.encrypt(CARD));
        packed[0] ^= 0x01;

        assertThrows(IllegalStateException.class, () -> cipher.decrypt(Base64.getEncoder().encodeToString(packed)));
    }

    @Test
    void refusesACiphertextOfAnotherKey() {
        String stored = new PanCipher(TestKeys.aes256()).encrypt(CARD);

        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored));
    }

    @Test
    void refusesMalformedStoredValues() {
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("not base64!"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(Base64.getEncoder().encodeToString(new byte[20])));
    }

    @Test
    void needsA256BitAesKey() {
        assertThrows(IllegalArgumentException.class, () -> new PanCipher(new SecretKeySpec(new byte[16], "AES")));
        assertThrows(IllegalArgumentException.class, () -> new PanCipher(new SecretKeySpec(new byte[32], "HmacSHA256")));
    }
}
