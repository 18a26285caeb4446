package dev.tillpoint.payments;

import java.time.Instant;

/** A refund of part or all of a payment. */
public record RefundView(String id, String paymentId, long amountMinor, String currency, Instant createdAt) {
}
