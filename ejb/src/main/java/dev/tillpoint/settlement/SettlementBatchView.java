package dev.tillpoint.settlement;

import java.time.Instant;

/** A batch as the merchant and the admin read it. */
public record SettlementBatchView(String id, String merchantId, String currency, int paymentCount, long grossMinor,
        long refundsMinor, long netMinor, Instant cutOffAt, Instant createdAt) {
}
