package dev.tillpoint.notifications;

import dev.tillpoint.shared.CreationOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a customer is told of: a payment, a reversal or a refund on one of their accounts.
 * Written once per payment event and never changed.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationType type;

    @Column(name = "payment_id", nullable = false)
    private String paymentId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false)
    private String currency;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    /** The event's message id: one notification per event, however often it is delivered. */
    @Column(name = "source_message_id", nullable = false)
    private String sourceMessageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Notification() {
        // for JPA
    }

    Notification(String id, String customerId, NotificationType type, String paymentId, long amountMinor,
            String currency, String merchantId, String sourceMessageId, Instant createdAt) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A notification's amount is positive");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.type = Objects.requireNonNull(type, "type");
        this.paymentId = Objects.requireNonNull(paymentId, "paymentId");
        this.amountMinor = amountMinor;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.sourceMessageId = Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }

    NotificationView view() {
        return new NotificationView(id, type, paymentId, amountMinor, currency, merchantId, createdAt);
    }
}
