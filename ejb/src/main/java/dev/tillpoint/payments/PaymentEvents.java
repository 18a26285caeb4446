package dev.tillpoint.payments;

import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.OutboxWriter;
import dev.tillpoint.messaging.PaymentEventMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Announces approvals, reversals and refunds on the {@code PAYMENT_EVENTS} topic through the
 * outbox, in the transaction that made them: an event leaves if and only if its money moved.
 * Payloads carry ids, amounts and times, never a card number, PIN, secret or code.
 */
@ApplicationScoped
public class PaymentEvents {

    /** One factory: {@code Json.createObjectBuilder()} looks the provider up again on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    public static final String APPROVED = PaymentEventMessage.APPROVED;
    public static final String REVERSED = PaymentEventMessage.REVERSED;
    public static final String REFUNDED = PaymentEventMessage.REFUNDED;
    /** For the bank's fraud systems: wrong codes for one user from several terminals (no lock follows). */
    public static final String CODE_ATTACK_SUSPECTED = "CODE_ATTACK_SUSPECTED";
    static final int VERSION = PaymentEventMessage.VERSION;

    @Inject
    OutboxWriter outbox;

    public void approved(Connection db, PaymentRow payment, Instant at) throws SQLException {
        outbox.enqueue(db, Destination.PAYMENT_EVENTS, APPROVED, VERSION, base(payment, payment.amountMinor(), at).build());
    }

    public void reversed(Connection db, PaymentRow payment, Instant at) throws SQLException {
        outbox.enqueue(db, Destination.PAYMENT_EVENTS, REVERSED, VERSION,
                base(payment, payment.amountMinor(), at).add("reversalId", payment.reversalId()).build());
    }

    public void refunded(Connection db, PaymentRow payment, RefundView refund, String refundTerminalId, Instant at)
            throws SQLException {
        outbox.enqueue(db, Destination.PAYMENT_EVENTS, REFUNDED, VERSION, base(payment, refund.amountMinor(), at)
                .add("refundId", refund.id())
                .add("refundTerminalId", refundTerminalId)
                .build());
    }

    public void codeAttackSuspected(Connection db, String userId, String terminalId, int terminals, Duration window,
            Instant at) throws SQLException {
        outbox.enqueue(db, Destination.PAYMENT_EVENTS, CODE_ATTACK_SUSPECTED, VERSION, JSON.createObjectBuilder()
                .add("userId", userId)
                .add("terminalId", terminalId)
                .add("terminals", terminals)
                .add("windowSeconds", window.toSeconds())
                .add("at", at.toString())
                .build());
    }

    private static JsonObjectBuilder base(PaymentRow payment, long amountMinor, Instant at) {
        return JSON.createObjectBuilder()
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
