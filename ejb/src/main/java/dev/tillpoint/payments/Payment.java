package dev.tillpoint.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An approved payment: what was approved never changes; it may be reversed once (unsettled and
 * unrefunded only) or refunded up to its amount. Changed only under a row lock.
 */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "terminal_id", length = 64, nullable = false, updatable = false)
    private String terminalId;

    @Column(name = "merchant_id", length = 64, nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "customer_id", length = 64, nullable = false, updatable = false)
    private String customerId;

    @Column(name = "account_id", length = 64, nullable = false, updatable = false)
    private String accountId;

    @Column(name = "authorization_id", length = 64, nullable = false, updatable = false)
    private String authorizationId;

    @Column(name = "clearing_account_id", length = 64, nullable = false, updatable = false)
    private String clearingAccountId;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "code_step", nullable = false, updatable = false)
    private long codeStep;

    @Column(name = "approval_code", length = 16, nullable = false, updatable = false)
    private String approvalCode;

    @Column(name = "order_id", length = 64, updatable = false)
    private String orderId;

    @Column(name = "order_description", length = 140, updatable = false)
    private String orderDescription;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", length = 16, nullable = false)
    private PaymentStatus status;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "reversal_id", length = 64)
    private String reversalId;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "settlement_id", length = 64)
    private String settlementId;

    @Column(name = "idempotency_key", length = 64, nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Payment() {
        // for JPA
    }

    Payment(String id, ApprovedPayment approved, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.terminalId = approved.terminalId();
        this.merchantId = approved.merchantId();
        this.customerId = approved.customerId();
        this.accountId = approved.accountId();
        this.authorizationId = approved.authorizationId();
        this.clearingAccountId = approved.clearingAccountId();
        this.currency = approved.currency();
        this.amountMinor = approved.amountMinor();
        this.codeStep = approved.codeStep();
        this.approvalCode = approved.approvalCode();
        this.orderId = approved.orderId();
        this.orderDescription = approved.orderDescription();
        this.idempotencyKey = approved.idempotencyKey();
        this.status = PaymentStatus.APPROVED;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    String id() {
        return id;
    }

    String terminalId() {
        return terminalId;
    }

    String merchantId() {
        return merchantId;
    }

    String customerId() {
        return customerId;
    }

    String accountId() {
        return accountId;
    }

    String authorizationId() {
        return authorizationId;
    }

    String clearingAccountId() {
        return clearingAccountId;
    }

    String currency() {
        return currency;
    }

    long amountMinor() {
        return amountMinor;
    }

    String reversalId() {
        return reversalId;
    }

    PaymentView view() {
        return new PaymentView(id, status, approvalCode, amountMinor, currency, merchantId, terminalId, orderId,
                orderDescription, refundedMinor, settlementId, createdAt);
    }
}
