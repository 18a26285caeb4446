package dev.tillpoint.payments;

/** A payment is approved, or reversed (undone in full); refunds show in its refunded amount. */
public enum PaymentStatus {
    APPROVED,
    REVERSED
}
