package dev.tillpoint.ledger;

import dev.tillpoint.shared.Currencies;
import java.util.Objects;

/**
 * What a service asks the ledger to post. Construction refuses a request that could never be
 * posted: callers build it from values they have already validated, so a refusal is a bug.
 *
 * @param reference what the transfer belongs to (an account, payment or settlement id), or null
 */
public record TransferRequest(String debitAccountId, String creditAccountId, String currency,
                              long amountMinor, TransferKind kind, String reference) {

    static final int MAX_REFERENCE_LENGTH = 128;

    public TransferRequest {
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
        Objects.requireNonNull(kind, "kind");
        if (debitAccountId.equals(creditAccountId)) {
            throw new IllegalArgumentException("A transfer needs two different accounts");
        }
        if (!Currencies.isWellFormed(currency)) {
            throw new IllegalArgumentException("A transfer's currency is three upper-case letters");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A transfer's amount must be positive");
        }
        if (reference != null && reference.length() > MAX_REFERENCE_LENGTH) {
            throw new IllegalArgumentException("A transfer's reference is at most " + MAX_REFERENCE_LENGTH + " characters");
        }
    }
}
