package dev.tillpoint.beacons;

import dev.tillpoint.shared.FieldKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts EID identity keys for storage with AES-256-GCM, as {@link dev.tillpoint.shared.PanCipher}
 * does card numbers: Base64(iv || ciphertext-with-tag), a fresh 12-byte IV each time.
 *
 * <p>The key is the TOTP-secret encryption key ({@code tillpoint.keys.totp-encryption}), not a
 * sixth required key: both protect device secrets at rest. The two uses are kept apart by the
 * associated data, a context label plus the beacon id, so a TOTP-secret ciphertext never decrypts
 * as an identity key, nor one beacon's key as another's (a swapped column fails authentication).
 */
@Dependent
class IdentityKeyCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String CONTEXT = "tillpoint.beacons.eid-identity-key:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    IdentityKeyCipher(FieldKeys keys) {
        this(keys.totpEncryptionKey());
    }

    IdentityKeyCipher(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    String encrypt(String beaconId, byte[] identityKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(beaconId));
            byte[] ciphertext = cipher.doFinal(identityKey);
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Identity-key encryption is unavailable in this JVM", e);
        }
    }

    /** @throws IllegalStateException when the stored value was altered, moved to another beacon, or is under another key */
    byte[] decrypt(String beaconId, String stored) {
        byte[] packed;
        try {
            packed = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored identity key is not Base64");
        }
        if (packed.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored identity key is too short to be a ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, packed, 0, IV_BYTES));
            cipher.updateAAD(associatedData(beaconId));
            return cipher.doFinal(packed, IV_BYTES, packed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored identity key failed authentication (altered, another beacon's or another key)");
        }
    }

    private static byte[] associatedData(String beaconId) {
        return (CONTEXT + beaconId).getBytes(StandardCharsets.US_ASCII);
    }
}
