package dev.tillpoint.payments;

import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.Outbox;
import dev.tillpoint.messaging.PaymentEventMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;

/**
 * Announces approvals, reversals and refunds on the {@code PAYMENT_EVENTS} topic through the
 * outbox, in the transaction that made them: an event leaves if and only if its money moved.
 * Payloads carry ids, amounts and times, never a card number, PIN, secret or code.
 */
@ApplicationScoped
public class PaymentEvents {

    public static final String APPROVED = PaymentEventMessage.APPROVED;
    public static final String REVERSED = PaymentEventMessage.REVERSED;
    public static final String REFUNDED = PaymentEventMessage.REFUNDED;
    /** For the bank's fraud systems: wrong codes for one user from several terminals (no lock follows). */
    public static final String CODE_ATTACK_SUSPECTED = "CODE_ATTACK_SUSPECTED";
    static final int VERSION = PaymentEventMessage.VERSION;

    @Inject
    Outbox outbox;

    public void approved(Payment payment, Instant at) {
        outbox.enqueue(Destination.PAYMENT_EVENTS, APPROVED, VERSION, base(payment, payment.amountMinor(), at).build());
    }

    public void reversed(Payment payment, Instant at) {
        outbox.enqueue(Destination.PAYMENT_EVENTS, REVERSED, VERSION,
                base(payment, payment.amountMinor(), at).add("reversalId", payment.reversalId()).build());
    }

    public void refunded(Payment payment, Refund refund, Instant at) {
        outbox.enqueue(Destination.PAYMENT_EVENTS, REFUNDED, VERSION, base(payment, refund.amountMinor(), at)
                .add("refundId", refund.id())
                .add("refundTerminalId", refund.terminalId())
                .build());
    }

    public void codeAttackSuspected(String userId, String terminalId, int terminals, Duration window, Instant at) {
        outbox.enqueue(Destination.PAYMENT_EVENTS, CODE_ATTACK_SUSPECTED, VERSION, Json.createObjectBuilder()
                .add("userId", userId)
                .add("terminalId", terminalId)
                .add("terminals", terminals)
                .add("windowSeconds", window.toSeconds())
                .add("at", at.toString())
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
