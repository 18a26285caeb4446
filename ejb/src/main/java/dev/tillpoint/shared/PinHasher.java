package dev.tillpoint.shared;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes PINs slowly and with a pepper: PBKDF2-HMAC-SHA256 over Base64(HMAC-SHA256(pepper, pin)).
 *
 * <p>A six-digit PIN has only a million values, so the salted slow hash alone would fall to a
 * brute force of a stolen database; the pepper key lives outside the database and makes the
 * stolen hashes useless without it.
 */
@Dependent
public class PinHasher {

    public static final String ITERATIONS_PROPERTY = "tillpoint.pin.pbkdf2-iterations";
    public static final String DEFAULT_ITERATIONS = "600000";

    private static final String PEPPER_ALGORITHM = "HmacSHA256";
    private static final String KDF_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecretKey pepperKey;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    @Inject
    PinHasher(FieldKeys keys,
              @ConfigProperty(name = ITERATIONS_PROPERTY, defaultValue = DEFAULT_ITERATIONS) int iterations) {
        this(keys.pinPepperKey(), iterations);
    }

    /**
     * @param pepperKey  HMAC key for the pepper
     * @param iterations PBKDF2 iterations for new hashes (tests use a low count)
     */
    public PinHasher(SecretKey pepperKey, int iterations) {
        this.pepperKey = Objects.requireNonNull(pepperKey, "pepperKey");
        if (iterations < 1) {
            throw new IllegalArgumentException(ITERATIONS_PROPERTY + " must be positive");
        }
        this.iterations = iterations;
    }

    /** A new hash with a fresh random salt and the configured iteration count. */
    public PinHash hash(Pin pin) {
        Objects.requireNonNull(pin, "pin");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(pin, salt, iterations);
        Base64.Encoder base64 = Base64.getEncoder();
        return new PinHash(base64.encodeToString(hash), base64.encodeToString(salt), iterations);
    }

    /** Whether {@code pin} matches {@code stored}, compared in constant time. */
    public boolean verify(Pin pin, PinHash stored) {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(stored, "stored");
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] expected = base64.decode(stored.hashBase64());
        byte[] actual = derive(pin, base64.decode(stored.saltBase64()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code stored} was made with fewer iterations than now configured. */
    public boolean needsRehash(PinHash stored) {
        return stored.iterations() < iterations;
    }

    private byte[] derive(Pin pin, byte[] salt, int rounds) {
        byte[] peppered = null;
        PBEKeySpec spec = null;
        try {
            Mac mac = Mac.getInstance(PEPPER_ALGORITHM);
            mac.init(pepperKey);
            peppered = mac.doFinal(pin.digits().getBytes(StandardCharsets.US_ASCII));
            spec = new PBEKeySpec(Base64.getEncoder().encodeToString(peppered).toCharArray(), salt, rounds, HASH_BITS);
            return SecretKeyFactory.getInstance(KDF_ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PIN hashing is unavailable in this JVM", e);
        } finally {
            if (peppered != null) {
                Arrays.fill(peppered, (byte) 0);
            }
            if (spec != null) {
                spec.clearPassword();
            }
        }
    }
}
