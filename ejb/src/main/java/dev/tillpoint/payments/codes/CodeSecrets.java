package dev.tillpoint.payments.codes;

import dev.tillpoint.shared.FieldKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Makes and keeps code secrets: 32 random bytes each (256 bits, the key size RFC 6238 uses with
 * HMAC-SHA256), stored as AES-256-GCM ciphertext under {@code tillpoint.keys.totp-encryption}:
 * Base64(iv || ciphertext-with-tag). The authorization's id is the associated data, so a
 * ciphertext copied onto another authorization's row fails to decrypt.
 */
@Dependent
public class CodeSecrets {

    public static final int SECRET_BYTES = 32;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    CodeSecrets(FieldKeys keys) {
        this(keys.totpEncryptionKey());
    }

    public CodeSecrets(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** A fresh random secret. */
    public byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    public String encrypt(byte[] secret, String authorizationId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(authorizationId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Code-secret encryption is unavailable in this JVM", e);
        }
    }

    /**
     * @throws IllegalStateException when the stored value was altered, belongs to another
     *                               authorization or another key: a broken invariant, not an answer
     */
    public byte[] decrypt(String stored, String authorizationId) {
        byte[] packed;
        try {
            packed = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored code secret is not Base64");
        }
        if (packed.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored code secret is too short to be a ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, packed, 0, IV_BYTES));
            cipher.updateAAD(authorizationId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(packed, IV_BYTES, packed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A stored code secret failed authentication (altered, moved or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Code-secret decryption is unavailable in this JVM", e);
        }
    }
}
