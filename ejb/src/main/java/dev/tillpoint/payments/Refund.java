package dev.tillpoint.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A refund of part of a payment; immutable once written, except that settlement settles it once. */
@Entity
@Table(name = "refunds")
public class Refund {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "payment_id", length = 64, nullable = false, updatable = false)
    private String paymentId;

    @Column(name = "terminal_id", length = 64, nullable = false, updatable = false)
    private String terminalId;

    @Column(name = "merchant_id", length = 64, nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "customer_id", length = 64, nullable = false, updatable = false)
    private String customerId;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "settlement_id", length = 64)
    private String settlementId;

    @Column(name = "idempotency_key", length = 64, nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Refund() {
        // for JPA
    }

    /** @param terminalId the terminal that asked for the refund (any of the merchant's) */
    Refund(String id, Payment payment, String terminalId, long amountMinor, String idempotencyKey, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.paymentId = payment.id();
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.merchantId = payment.merchantId();
        this.customerId = payment.customerId();
        this.currency = payment.currency();
        this.amountMinor = amountMinor;
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    String id() {
        return id;
    }

    String terminalId() {
        return terminalId;
    }

    long amountMinor() {
        return amountMinor;
    }

    RefundView view() {
        return new RefundView(id, paymentId, amountMinor, currency, createdAt);
    }
}
