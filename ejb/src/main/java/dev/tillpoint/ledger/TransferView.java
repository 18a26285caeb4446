package dev.tillpoint.ledger;

import java.time.Instant;

/** A posted transfer as read. */
public record TransferView(String id, String debitAccountId, String creditAccountId, String currency,
                           long amountMinor, TransferKind kind, String reference, Instant createdAt) {
}
