package dev.tillpoint.payments;

import dev.tillpoint.shared.ErrorCode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * DESIGN.md's decline order for a matched code, as one pure function: the first check that fails
 * is the answer. {@code CODE_INVALID} (no match) and the lockouts come before it and need the
 * database; everything here is decided from what the payment read under the authorization's lock.
 */
final class PaymentRules {

    /** A code step collects at most this many of the {@link #STEP_DECLINES}; then it is used up. */
    static final int MAX_STEP_DECLINES = 3;

    /**
     * The declines that count toward a step's cap: what a till could otherwise use to probe the
     * balance or the limits with one shown code.
     */
    static final Set<ErrorCode> STEP_DECLINES = EnumSet.of(ErrorCode.CURRENCY_MISMATCH, ErrorCode.LIMIT_EXCEEDED,
            ErrorCode.INSUFFICIENT_FUNDS);

    private PaymentRules() {
    }

    /**
     * @param step             the time step the code matched
     * @param merchantCurrency the paying terminal's merchant's currency
     * @return the decline, or empty when the payment is to be approved
     */
    static Optional<ErrorCode> firstDecline(PayingAuthorization authorization, long step, String merchantCurrency,
            String currency, long amountMinor, Instant now) {
        if (!acceptsStep(authorization, step)) {
            return Optional.of(ErrorCode.CODE_REUSED);
        }
        switch (AuthorizationStatus.of(authorization.revokedAt(), authorization.expiresAt(), now)) {
            case REVOKED:
                return Optional.of(ErrorCode.AUTHORIZATION_REVOKED);
            case EXPIRED:
                return Optional.of(ErrorCode.AUTHORIZATION_EXPIRED);
            default:
                break;
        }
        if (!currency.equals(authorization.currency()) || !currency.equals(merchantCurrency)) {
            return Optional.of(ErrorCode.CURRENCY_MISMATCH);
        }
        if (amountMinor > authorization.perTransactionMinor() || amountMinor > authorization.remainingMinor()) {
            return Optional.of(ErrorCode.LIMIT_EXCEEDED);
        }
        if (amountMinor > authorization.balanceMinor()) {
            return Optional.of(ErrorCode.INSUFFICIENT_FUNDS);
        }
        return Optional.empty();
    }

    /**
     * A step pays at most once, never one older than the newest used, and not after it collected
     * its {@link #MAX_STEP_DECLINES} declines.
     */
    static boolean acceptsStep(PayingAuthorization authorization, long step) {
        return (authorization.lastUsedStep() == null || step > authorization.lastUsedStep())
                && authorization.stepDeclines() < MAX_STEP_DECLINES;
    }

    static String detailOf(ErrorCode decline) {
        return switch (decline) {
            case CODE_INVALID -> "The security code is not valid.";
            case CODE_REUSED -> "This security code was used already, or a newer one was.";
            case AUTHORIZATION_REVOKED -> "The offline authorization was revoked.";
            case AUTHORIZATION_EXPIRED -> "The offline authorization has expired.";
            case CURRENCY_MISMATCH -> "The payment's currency is not the account's or the merchant's.";
            case LIMIT_EXCEEDED -> "The amount is over the authorization's per-transaction or remaining limit.";
            case INSUFFICIENT_FUNDS -> "The account lacks the funds.";
            default -> throw new IllegalArgumentException("Not a payment decline: " + decline);
        };
    }
}
