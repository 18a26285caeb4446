package dev.tillpoint.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.settlement.SettlementBatchView;

/** A settlement batch as the admin who ran it and the merchant it pays see it. */
@Schema(name = "SettlementBatch")
public record SettlementBatchResponse(
        @Schema(examples = "stl_3fQ9...") String id,
        String merchantId,
        @Schema(examples = "EUR") String currency,
        @Schema(description = "Approved, unreversed payments settled") int count,
        @Schema(description = "Their sum, minor units") long gross,
        @Schema(description = "Refunds settled, minor units") long refunds,
        @Schema(description = "gross - refunds, paid out to the merchant; negative when refunds exceed sales") long net,
        Instant createdAt) {

    public static SettlementBatchResponse from(SettlementBatchView view) {
        return new SettlementBatchResponse(view.id(), view.merchantId(), view.currency(), view.paymentCount(),
                view.grossMinor(), view.refundsMinor(), view.netMinor(), view.createdAt());
    }
}
