package dev.tillpoint.notifications;

import java.time.Instant;

/** A notification as the customer's phone reads it. */
public record NotificationView(String id, NotificationType type, String paymentId, long amountMinor,
        String currency, String merchantId, Instant createdAt) {
}
