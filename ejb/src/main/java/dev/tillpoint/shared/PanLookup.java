package dev.tillpoint.shared;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The keyed hash a card number is found by: HMAC-SHA256 under the lookup key, as 64 lower-case hex
 * characters. Deterministic, so it can back a unique column; keyed, so the column cannot be
 * reversed by hashing all card numbers of a BIN range.
 */
@Dependent
public class PanLookup {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKey key;

    @Inject
    PanLookup(FieldKeys keys) {
        this(keys.panLookupKey());
    }

    public PanLookup(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public String hashOf(CardNumber pan) {
        Objects.requireNonNull(pan, "pan");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(pan.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Card-number hashing is unavailable in this JVM", e);
        }
    }
}
