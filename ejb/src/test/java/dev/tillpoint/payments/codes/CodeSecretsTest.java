package dev.tillpoint.payments.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CodeSecretsTest {

    private final CodeSecrets secrets = new CodeSecrets(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void secretsAre256RandomBits() {
        byte[] one = secrets.newSecret();
        assertEquals(32, one.length);
        assertNotEquals(Base32.encode(one), Base32.encode(secrets.newSecret()));
    }

    @Test
    void aSecretDecryptsOnlyForItsAuthorization() {
        byte[] secret = secrets.newSecret();
        String stored = secrets.encrypt(secret, "oau_1");
        assertArrayEquals(secret, secrets.decrypt(stored, "oau_1"));
        assertThrows(IllegalStateException.class, () -> secrets.decrypt(stored, "oau_2"));
        assertNotEquals(stored, secrets.encrypt(secret, "oau_1"));
    }

    @Test
    void anAlteredCiphertextFailsToDecrypt() {
        String stored = secrets.encrypt(secrets.newSecret(), "oau_1");
        char[] chars = stored.toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> secrets.decrypt(new String(chars), "oau_1"));
    }
}
