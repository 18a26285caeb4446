package dev.tillpoint.payments;

import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.Outbox;
import dev.tillpoint.messaging.PaymentEventMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * Announces approvals, reversals and refunds on the {@code PAYMENT_EVENTS} topic through the
 * outbox, in the transaction that made them: an event leaves if and only if its money moved.
 * Payloads carry ids, amounts and times, never a card number, PIN, secret or code.
 */
@Stateless
public class PaymentEvents {

    public static final String APPROVED = PaymentEventMessage.APPROVED;
    public static final String REVERSED = PaymentEventMessage.REVERSED;
    public static final String REFUNDED = PaymentEventMessage.REFUNDED;
    static final int VERSION = PaymentEventMessage.VERSION;

    @Inject
    Outbox outbox;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void approved(Payment payment, Instant at) {
        outbox.enqueue(Destination.PAYMENT_EVENTS, APPROVED, VERSION, base(payment, payment.amountMinor(), at).build());
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void reversed(Payment payment, Instant at) {
        outbox.enqueue(Destination.PAYMENT_EVENTS, REVERSED, VERSION,
                base(payment, payment.amountMinor(), at).add("reversalId", payment.reversalId()).build());
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void refunded(Payment payment, Refund refund, Instant at) {
        outbox.enqueue(Destination.PAYMENT_EVENTS, REFUNDED, VERSION, base(payment, refund.amountMinor(), at)
                .add("refundId", refund.id())
                .add("refundTerminalId", refund.terminalId())
                .build());
    }

    private static JsonObjectBuilder base(Payment payment, long amountMinor, Instant at) {
        return Json.createObjectBuilder()
                .add("paymentId", payment.id())
                .add("amount", amountMinor)
                .add("paymentAmount", payment.amountMinor())
                .add("currency", payment.currency())
                .add("merchantId", payment.merchantId())
                .add("terminalId", payment.terminalId())
                .add("customerId", payment.customerId())
                .add("accountId", payment.accountId())
                .add("at", at.toString());
    }
}
