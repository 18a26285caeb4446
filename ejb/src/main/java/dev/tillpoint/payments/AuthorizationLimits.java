package dev.tillpoint.payments;

/**
 * The limits an authorization gets: what the customer asked for, lowered to the bank's caps; the
 * per-transaction limit never above the total.
 */
record AuthorizationLimits(long perTransactionMinor, long totalMinor, long validitySeconds) {

    AuthorizationLimits {
        if (perTransactionMinor <= 0 || totalMinor <= 0 || validitySeconds <= 0 || perTransactionMinor > totalMinor) {
            throw new IllegalArgumentException("Limits must be positive and per transaction at most the total");
        }
    }

    /**
     * @param requested null where the customer asked for nothing: the cap then applies
     */
    static AuthorizationLimits capped(Long perTransactionMinor, Long totalMinor, Long validitySeconds, PaymentPolicy policy) {
        long total = capped(totalMinor, policy.maxTotalMinor());
        long perTransaction = Math.min(capped(perTransactionMinor, policy.maxPerTransactionMinor()), total);
        return new AuthorizationLimits(perTransaction, total, capped(validitySeconds, policy.maxValiditySeconds()));
    }

    private static long capped(Long requested, long cap) {
        return requested == null ? cap : Math.min(requested, cap);
    }
}
