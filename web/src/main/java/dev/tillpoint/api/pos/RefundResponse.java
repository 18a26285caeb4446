package dev.tillpoint.api.pos;

import dev.tillpoint.payments.RefundView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refund of part or all of a payment. */
@Schema(name = "Refund")
public record RefundResponse(
        String id,
        String paymentId,
        @Schema(description = "Minor units") long amount,
        @Schema(enumeration = "REFUNDED") String status,
        Instant createdAt) {

    static RefundResponse from(RefundView view) {
        return new RefundResponse(view.id(), view.paymentId(), view.amountMinor(), "REFUNDED", view.createdAt());
    }
}
