package dev.tillpoint.api.pos;

import dev.tillpoint.payments.PaymentOrder;
import dev.tillpoint.payments.PaymentView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment, the second approval (DESIGN.md "Offline payments"). */
@Schema(name = "Payment")
public record PaymentResponse(
        String id,
        @Schema(enumeration = {"APPROVED", "REVERSED"}) String status,
        @Schema(examples = "K7Q2MZ") String approvalCode,
        @Schema(description = "Minor units") long amount,
        @Schema(examples = "EUR") String currency,
        String merchantId,
        String terminalId,
        PaymentOrder order,
        @Schema(description = "Minor units refunded so far") long refundedAmount,
        @Schema(description = "Present once settled") String settlementId,
        Instant createdAt) {

    static PaymentResponse from(PaymentView view) {
        return new PaymentResponse(view.id(), view.status().name(), view.approvalCode(), view.amountMinor(),
                view.currency(), view.merchantId(), view.terminalId(),
                view.orderId() == null ? null : new PaymentOrder(view.orderId(), view.orderDescription()),
                view.refundedMinor(), view.settlementId(), view.createdAt());
    }
}
