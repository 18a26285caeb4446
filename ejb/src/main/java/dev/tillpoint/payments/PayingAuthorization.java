package dev.tillpoint.payments;

import java.time.Instant;

/**
 * An authorization as a payment finds it under its row lock: its terms, what it has spent, its
 * newest used step, the declines its matched step collected, and its account's balance.
 *
 * @param stepDeclines declines that count toward the matched step's cap ({@link PaymentRules#MAX_STEP_DECLINES})
 * @param balanceMinor the account's balance when read; the ledger's debit has the last word
 */
record PayingAuthorization(String id, String customerId, String accountId, String currency, long perTransactionMinor,
        long totalMinor, long spentMinor, Long lastUsedStep, Instant revokedAt, Instant expiresAt, int stepDeclines,
        long balanceMinor) {

    long remainingMinor() {
        return totalMinor - spentMinor;
    }
}
