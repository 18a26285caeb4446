package dev.tillpoint.notifications;

/** What a customer is told of: the payment events, named as the topic names them. */
public enum NotificationType {
    PAYMENT_APPROVED,
    PAYMENT_REVERSED,
    PAYMENT_REFUNDED
}
