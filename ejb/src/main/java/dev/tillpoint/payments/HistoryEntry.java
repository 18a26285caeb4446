package dev.tillpoint.payments;

import dev.tillpoint.shared.CreationOrder;
import java.time.Instant;

/**
 * One line of a customer's payment history: a payment, a refund of one or a reversal of one.
 *
 * @param id      the payment's, refund's or reversal's own id
 * @param orderId the payment's order, null when it had none
 */
public record HistoryEntry(Type type, String id, String paymentId, long amountMinor, String currency,
                           String merchantId, String terminalId, String orderId, String orderDescription,
                           Instant createdAt) {

    public enum Type {
        PAYMENT,
        REFUND,
        REVERSAL
    }

    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }
}
