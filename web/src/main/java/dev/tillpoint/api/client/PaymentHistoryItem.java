package dev.tillpoint.api.client;

import dev.tillpoint.payments.HistoryEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One payment, refund or reversal in the caller's history. */
@Schema(name = "PaymentHistoryItem")
public record PaymentHistoryItem(
        @Schema(enumeration = {"PAYMENT", "REFUND", "REVERSAL"}) String type,
        String id,
        String paymentId,
        @Schema(description = "Minor units") long amount,
        @Schema(examples = "EUR") String currency,
        String merchantId,
        String terminalId,
        Order order,
        Instant createdAt) {

    /** The payment's order, when the POS sent one. */
    @Schema(name = "PaymentHistoryOrder")
    public record Order(String id, String description) {
    }

    static PaymentHistoryItem from(HistoryEntry entry) {
        return new PaymentHistoryItem(entry.type().name(), entry.id(), entry.paymentId(), entry.amountMinor(),
                entry.currency(), entry.merchantId(), entry.terminalId(),
                entry.orderId() == null ? null : new Order(entry.orderId(), entry.orderDescription()), entry.createdAt());
    }
}
