package dev.tillpoint.shared;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts card numbers for storage with AES-256-GCM: Base64(iv || ciphertext-with-tag), a fresh
 * random 12-byte IV each time. GCM authenticates, so a ciphertext altered in the database fails to
 * decrypt instead of yielding a different card number.
 */
@Dependent
public class PanCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    PanCipher(FieldKeys keys) {
        this(keys.panEncryptionKey());
    }

    public PanCipher(SecretKey key) {
        Objects.requireNonNull(key, "key");
        byte[] encoded = key.getEncoded();
        boolean aes256 = "AES".equals(key.getAlgorithm()) && encoded != null && encoded.length == KEY_BYTES;
        if (encoded != null) {
            Arrays.fill(encoded, (byte) 0);
        }
        if (!aes256) {
            throw new IllegalArgumentException("The card-number key must be a 256-bit AES key");
        }
        this.key = key;
    }

    public String encrypt(CardNumber pan) {
        Objects.requireNonNull(pan, "pan");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(pan.digits().getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Card-number encryption is unavailable in this JVM", e);
        }
    }

    /**
     * @throws IllegalStateException when the stored value is malformed, was altered, or was
     *                               encrypted under another key: a broken invariant, not an answer
     */
    public CardNumber decrypt(String stored) {
        Objects.requireNonNull(stored, "stored");
        byte[] packed = decodeStored(stored);
        if (packed.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored card number is too short to be a ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, packed, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(packed, IV_BYTES, packed.length - IV_BYTES);
            Result<CardNumber> parsed = CardNumber.parse(new String(plain, StandardCharsets.US_ASCII));
            Arrays.fill(plain, (byte) 0);
            if (parsed instanceof Result.Ok<CardNumber> ok) {
                return ok.value();
            }
            throw new IllegalStateException("A stored card number decrypted to something that is no card number");
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A stored card number failed authentication (altered or another key)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Card-number decryption is unavailable in this JVM", e);
        }
    }

    private static byte[] decodeStored(String stored) {
        try {
            return Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored card number is not Base64", e);
        }
    }
}
