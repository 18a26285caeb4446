package dev.tillpoint.payments;

import java.time.Instant;

/**
 * A payment (the second approval) as the POS sees it.
 *
 * @param orderId          null when the POS sent no order
 * @param settlementId     null until settled
 */
public record PaymentView(String id, PaymentStatus status, String approvalCode, long amountMinor, String currency,
                          String merchantId, String terminalId, String orderId, String orderDescription,
                          long refundedMinor, String settlementId, Instant createdAt) {
}
