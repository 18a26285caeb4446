package dev.tillpoint.merchants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A merchant: takes payments through its terminals into its settlement ledger account. */
@Entity
@Table(name = "merchants")
public class Merchant {

    static final int MAX_NAME_LENGTH = 200;

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "name", length = MAX_NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(name = "settlement_account_id", length = 64, nullable = false, updatable = false)
    private String settlementAccountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Merchant() {
        // for JPA
    }

    Merchant(String id, String name, String currency, String settlementAccountId, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.settlementAccountId = Objects.requireNonNull(settlementAccountId, "settlementAccountId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    MerchantView view() {
        return new MerchantView(id, name, currency);
    }
}
