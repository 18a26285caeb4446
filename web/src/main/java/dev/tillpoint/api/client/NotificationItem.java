package dev.tillpoint.api.client;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.notifications.NotificationView;

/** One notification: what happened, to which payment, for how much, at which merchant. */
@Schema(name = "Notification")
public record NotificationItem(
        String id,
        @Schema(enumeration = {"PAYMENT_APPROVED", "PAYMENT_REVERSED", "PAYMENT_REFUNDED"}) String type,
        String paymentId,
        @Schema(description = "Minor units of the payment, reversal or refund", examples = "1250") long amount,
        @Schema(examples = "EUR") String currency,
        String merchantId,
        Instant createdAt) {

    static NotificationItem from(NotificationView view) {
        return new NotificationItem(view.id(), view.type().name(), view.paymentId(), view.amountMinor(),
                view.currency(), view.merchantId(), view.createdAt());
    }
}
