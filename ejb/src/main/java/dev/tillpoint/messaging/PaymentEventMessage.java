package dev.tillpoint.messaging;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

/**
 * A payment event on {@link Destination#PAYMENT_EVENTS}, version 1, as its consumers read it: what
 * the bank's notification and fraud systems follow. {@code dev.tillpoint.payments.PaymentEvents}
 * writes them (with a few more fields: the account, the payment's own amount, the reversal id and
 * the refunding terminal); the payload names parties and amounts, never a card number, a PIN, a
 * code secret or a security code.
 *
 * @param type        {@link #APPROVED}, {@link #REVERSED} or {@link #REFUNDED}
 * @param paymentId   the payment concerned
 * @param refundId    the refund, for {@link #REFUNDED}; else null
 * @param customerId  the paying customer
 * @param merchantId  the merchant paid
 * @param terminalId  the terminal that took the payment
 * @param amountMinor the payment's, reversal's or refund's amount, positive
 * @param currency    ISO 4217
 * @param createdAt   when the payment, reversal or refund was recorded (the payload's {@code at})
 */
public record PaymentEventMessage(String type, String paymentId, String refundId, String customerId,
        String merchantId, String terminalId, long amountMinor, String currency, Instant createdAt) {

    public static final String APPROVED = "PAYMENT_APPROVED";
    public static final String REVERSED = "PAYMENT_REVERSED";
    public static final String REFUNDED = "PAYMENT_REFUNDED";
    public static final Set<String> TYPES = Set.of(APPROVED, REVERSED, REFUNDED);
    public static final int VERSION = 1;
    /** A JMS selector for exactly these events: the topic may carry other types too. */
    public static final String SELECTOR = Destinations.MESSAGE_TYPE_PROPERTY
            + " IN ('" + APPROVED + "', '" + REVERSED + "', '" + REFUNDED + "')";

    public PaymentEventMessage {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Not a payment event type: " + type);
        }
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        if (REFUNDED.equals(type) != (refundId != null)) {
            throw new IllegalArgumentException("A refund id belongs to refund events, and only to them");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A payment event's amount is positive");
        }
    }

    /**
     * Reads the event an envelope carries.
     *
     * @throws IllegalArgumentException for a message that is no version-1 payment event: poison
     */
    public static PaymentEventMessage from(Envelope envelope) {
        if (!TYPES.contains(envelope.type()) || envelope.version() != VERSION) {
            throw new IllegalArgumentException("Message " + envelope.messageId() + " is " + envelope.type()
                    + " v" + envelope.version() + ", not a payment event v" + VERSION);
        }
        JsonObject payload = envelope.payload();
        try {
            JsonValue refundId = payload.get("refundId");
            return new PaymentEventMessage(envelope.type(), payload.getString("paymentId"),
                    refundId == null || refundId == JsonValue.NULL ? null : payload.getString("refundId"),
                    payload.getString("customerId"), payload.getString("merchantId"), payload.getString("terminalId"),
                    payload.getJsonNumber("amount").longValueExact(), payload.getString("currency"),
                    Instant.parse(payload.getString("at")));
        } catch (NullPointerException | ClassCastException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("Message " + envelope.messageId() + " is not a readable payment event: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
