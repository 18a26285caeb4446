package dev.tillpoint.payments;

import dev.tillpoint.shared.FieldKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity of a POS request for idempotency: equal JSON bodies give equal fingerprints, any
 * field that differs gives another (fields are length-prefixed, so no two requests run together).
 * Keyed (HMAC-SHA256 under a key derived from the code-secret key), because a payment's
 * fingerprint covers its 8-digit security code, which a plain hash would give away to anyone who
 * can read the table and try all 10^8 codes.
 */
@ApplicationScoped
public class RequestFingerprints {

    private static final String HMAC = "HmacSHA256";
    private static final byte[] PURPOSE = "tillpoint idempotency fingerprint v1".getBytes(StandardCharsets.US_ASCII);

    @Inject
    FieldKeys keys;

    private SecretKeySpec key;

    @PostConstruct
    void deriveKey() {
        byte[] parent = keys.totpEncryptionKey().getEncoded();
        try {
            key = new SecretKeySpec(hmac(new SecretKeySpec(parent, HMAC), PURPOSE), HMAC);
        } finally {
            Arrays.fill(parent, (byte) 0);
        }
    }

    public String ofPayment(PaymentCommand command) {
        return of("PAYMENT", command.userId(), command.securityCode(), Long.toString(command.amount()),
                command.currency(), command.orderId(), command.orderDescription());
    }

    public String ofRefund(String paymentId, long amountMinor) {
        return of("REFUND", paymentId, Long.toString(amountMinor));
    }

    private String of(String... fields) {
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            canonical.append(field == null ? "-" : field.length() + ":" + field).append('\n');
        }
        return HexFormat.of().formatHex(hmac(key, canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }
}
