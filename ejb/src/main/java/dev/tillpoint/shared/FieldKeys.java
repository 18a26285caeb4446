package dev.tillpoint.shared;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * The application's field keys, read once from MicroProfile Config (in production a WildFly
 * Elytron credential store or key files; in development the keys the build generates).
 *
 * <p>A startup singleton, so that a missing or short key fails the deployment rather than the first
 * payment. Every value is Base64 of at least 32 random bytes; the AES keys exactly 32. Messages
 * name the config property, never its value.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after @PostConstruct: no locking needed
public class FieldKeys {

    public static final String PAN_ENCRYPTION = "tillpoint.keys.pan-encryption";
    public static final String PAN_LOOKUP = "tillpoint.keys.pan-lookup";
    public static final String PIN_PEPPER = "tillpoint.keys.pin-pepper";
    public static final String TOTP_ENCRYPTION = "tillpoint.keys.totp-encryption";
    public static final String CURSOR_SIGNING = "tillpoint.keys.cursor-signing";

    static final int KEY_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(FieldKeys.class.getName());
    private static final String AES = "AES";
    private static final String HMAC = "HmacSHA256";
    /** Config name to the algorithm its key serves; AES keys must be exactly {@link #KEY_BYTES}. */
    private static final Map<String, String> ALGORITHMS = orderedAlgorithms();

    @Inject
    Config config;

    private Map<String, SecretKey> keys;

    /** For the container; the keys are loaded in {@link #loadFromConfig()}. */
    public FieldKeys() {
    }

    /** Keys from any source of config values, for tests and tools that run without a container. */
    public FieldKeys(Function<String, Optional<String>> configValues) {
        this.keys = load(configValues);
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void loadFromConfig() {
        keys = load(name -> config.getOptionalValue(name, String.class));
        LOG.info(() -> "Field keys loaded: " + String.join(", ", keys.keySet()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SecretKey panEncryptionKey() {
        return keys.get(PAN_ENCRYPTION);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SecretKey panLookupKey() {
        return keys.get(PAN_LOOKUP);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SecretKey pinPepperKey() {
        return keys.get(PIN_PEPPER);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SecretKey totpEncryptionKey() {
        return keys.get(TOTP_ENCRYPTION);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SecretKey cursorSigningKey() {
        return keys.get(CURSOR_SIGNING);
    }

    /** Loads all keys, or fails naming every missing or invalid one at once. */
    private static Map<String, SecretKey> load(Function<String, Optional<String>> configValues) {
        Map<String, SecretKey> loaded = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        ALGORITHMS.forEach((name, algorithm) -> {
            Optional<String> value = configValues.apply(name).map(FieldKeys::withoutWhitespace).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                problems.add(name + " is not set");
                return;
            }
            byte[] bytes = decodeOrNull(value.get());
            if (bytes == null) {
                problems.add(name + " is not Base64");
            } else if (bytes.length < KEY_BYTES) {
                problems.add(name + " is shorter than " + KEY_BYTES + " bytes");
            } else if (AES.equals(algorithm) && bytes.length != KEY_BYTES) {
                problems.add(name + " must be exactly " + KEY_BYTES + " bytes (an AES-256 key)");
            } else {
                loaded.put(name, new SecretKeySpec(bytes, algorithm));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Field keys missing or invalid: " + String.join("; ", problems)
                    + ". Each must be Base64 of " + KEY_BYTES + " random bytes.");
        }
        return Collections.unmodifiableMap(loaded);
    }

    /** Key files often end in a newline, and long values get wrapped. */
    private static String withoutWhitespace(String value) {
        return value.replaceAll("\\s+", "");
    }

    /**
     * The decoder's exception is not kept on purpose: its message quotes the offending character,
     * which is part of the secret.
     */
    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static Map<String, String> orderedAlgorithms() {
        Map<String, String> algorithms = new LinkedHashMap<>();
        algorithms.put(PAN_ENCRYPTION, AES);
        algorithms.put(PAN_LOOKUP, HMAC);
        algorithms.put(PIN_PEPPER, HMAC);
        algorithms.put(TOTP_ENCRYPTION, AES);
        algorithms.put(CURSOR_SIGNING, HMAC);
        return algorithms;
    }
}
