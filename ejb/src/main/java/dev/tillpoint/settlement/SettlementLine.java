package dev.tillpoint.settlement;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a settlement file: a payment or a refund of the batch. The amount is never negative;
 * the type gives its sign.
 *
 * @param id        the payment's id for a payment, the refund's id for a refund
 * @param paymentId the payment (for a refund, the one refunded)
 * @param orderId   the POS's order id of the payment, or null
 */
public record SettlementLine(Type type, String id, String paymentId, String terminalId, String orderId,
        long amountMinor, String currency, Instant createdAt) {

    public enum Type { PAYMENT, REFUND }

    public SettlementLine {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A settlement line's amount is positive; its type gives the sign");
        }
    }
}
