package dev.tillpoint.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a POS asks: pay {@code amountMinor} from the account of {@code userId} whose phone showed
 * {@code securityCode}.
 *
 * @param orderId          optional, as is its description
 */
public record PaymentCommand(String userId, String securityCode, long amountMinor, String currency, String orderId,
                             String orderDescription) {

    /**
     * The request's identity for idempotency: equal JSON bodies give equal fingerprints, any field
     * that differs gives another. Fields are length-prefixed so no two requests can run together.
     */
    public String fingerprint() {
        return fingerprintOf("PAYMENT", userId, securityCode, Long.toString(amountMinor), currency, orderId, orderDescription);
    }

    static String fingerprintOf(String... fields) {
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            canonical.append(field == null ? "-" : field.length() + ":" + field).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    /** Never prints the security code. */
    @Override
    public String toString() {
        return "PaymentCommand[userId=" + userId + ", amountMinor=" + amountMinor + ", currency=" + currency
                + ", orderId=" + orderId + ", securityCode=<hidden>]";
    }
}
