package dev.tillpoint.settlement;

import dev.tillpoint.shared.CreationOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One merchant's settlement in one currency for one run: what it was paid (approved, unreversed
 * payments), what it refunded, and the net paid out. Written once, with its figures, and never
 * changed (PostgreSQL refuses any update).
 */
@Entity
@Table(name = "settlement_batches")
public class SettlementBatch {

    @Id
    @Column(name = "id", updatable = false)
    private String id;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "payment_count", nullable = false, updatable = false)
    private int paymentCount;

    @Column(name = "gross_minor", nullable = false, updatable = false)
    private long grossMinor;

    @Column(name = "refunds_minor", nullable = false, updatable = false)
    private long refundsMinor;

    @Column(name = "net_minor", nullable = false, updatable = false)
    private long netMinor;

    @Column(name = "cut_off_at", nullable = false, updatable = false)
    private Instant cutOffAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SettlementBatch() {
        // for JPA
    }

    /**
     * @throws IllegalArgumentException for a batch that settles nothing or whose figures do not add
     *                                  up: the settlement code must never build one
     */
    SettlementBatch(String id, String merchantId, String currency, SettlementTotals totals, Instant cutOffAt,
            Instant createdAt) {
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("A settlement batch settles at least one payment or refund");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.paymentCount = totals.paymentCount();
        this.grossMinor = totals.grossMinor();
        this.refundsMinor = totals.refundsMinor();
        this.netMinor = totals.netMinor();
        this.cutOffAt = Objects.requireNonNull(cutOffAt, "cutOffAt");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    String id() {
        return id;
    }

    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }

    SettlementBatchView view() {
        return new SettlementBatchView(id, merchantId, currency, paymentCount, grossMinor, refundsMinor, netMinor,
                cutOffAt, createdAt);
    }
}
