package dev.tillpoint.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tillpoint.shared.ErrorCode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DESIGN.md's decline order after a code matched: the first check that fails is the answer. */
class PaymentRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final long STEP = 100;

    /** Active, EUR, 1 000 per payment, 1 500 in total with 200 spent, step 99 used, balance 5 000. */
    private static PayingAuthorization authorization() {
        return new PayingAuthorization("oau_1", "alice", "acc_1", "EUR", 1_000, 1_500, 200, 99L, null,
                NOW.plusSeconds(3_600), 0, 5_000);
    }

    private static Optional<ErrorCode> decline(PayingAuthorization authorization, String merchantCurrency,
            String currency, long amount) {
        return PaymentRules.firstDecline(authorization, STEP, merchantCurrency, currency, amount, NOW);
    }

    private static PayingAuthorization with(Long lastUsedStep, Instant revokedAt, Instant expiresAt, int stepDeclines,
            long balance) {
        PayingAuthorization a = authorization();
        return new PayingAuthorization(a.id(), a.customerId(), a.accountId(), a.currency(), a.perTransactionMinor(),
                a.totalMinor(), a.spentMinor(), lastUsedStep, revokedAt, expiresAt, stepDeclines, balance);
    }

    @Test
    void aPaymentWithinEveryRuleIsApproved() {
        assertEquals(Optional.empty(), decline(authorization(), "EUR", "EUR", 1_000));
        assertEquals(Optional.empty(), decline(with(null, null, NOW.plusSeconds(1), 0, 1_000), "EUR", "EUR", 1_000));
    }

    @Test
    void aUsedOrOlderStepIsCodeReusedBeforeAnythingElse() {
        PayingAuthorization revokedAndBroke = with(100L, NOW.minusSeconds(1), NOW.plusSeconds(10), 0, 0);
        assertEquals(Optional.of(ErrorCode.CODE_REUSED), decline(revokedAndBroke, "USD", "GBP", 9_999));
        assertEquals(Optional.of(ErrorCode.CODE_REUSED), decline(with(101L, null, NOW.plusSeconds(10), 0, 5_000), "EUR", "EUR", 1));
    }

    @Test
    void aStepWithThreeDeclinesIsUsedUp() {
        assertEquals(Optional.empty(), decline(with(99L, null, NOW.plusSeconds(10), 2, 5_000), "EUR", "EUR", 1));
        assertEquals(Optional.of(ErrorCode.CODE_REUSED), decline(with(99L, null, NOW.plusSeconds(10), 3, 5_000), "EUR", "EUR", 1));
        assertEquals(3, PaymentRules.MAX_STEP_DECLINES);
    }

    @Test
    void revokedComesBeforeExpiredAndBothBeforeTheMoney() {
        PayingAuthorization revoked = with(null, NOW.minusSeconds(10), NOW.plusSeconds(10), 0, 0);
        assertEquals(Optional.of(ErrorCode.AUTHORIZATION_REVOKED), decline(revoked, "USD", "GBP", 9_999));
        PayingAuthorization revokedThenExpired = with(null, NOW.minusSeconds(10), NOW.minusSeconds(5), 0, 0);
        assertEquals(Optional.of(ErrorCode.AUTHORIZATION_REVOKED), decline(revokedThenExpired, "EUR", "EUR", 1));
        PayingAuthorization expired = with(null, null, NOW, 0, 0);
        assertEquals(Optional.of(ErrorCode.AUTHORIZATION_EXPIRED), decline(expired, "USD", "GBP", 9_999));
        PayingAuthorization revokedAfterExpiry = with(null, NOW.minusSeconds(1), NOW.minusSeconds(2), 0, 0);
        assertEquals(Optional.of(ErrorCode.AUTHORIZATION_EXPIRED), decline(revokedAfterExpiry, "EUR", "EUR", 1));
    }

    @Test
    void theAccountsOrTheMerchantsOtherCurrencyIsCurrencyMismatchBeforeTheLimits() {
        assertEquals(Optional.of(ErrorCode.CURRENCY_MISMATCH), decline(authorization(), "EUR", "USD", 9_999));
        assertEquals(Optional.of(ErrorCode.CURRENCY_MISMATCH), decline(authorization(), "USD", "EUR", 9_999));
    }

    @Test
    void overThePerTransactionOrTheRemainingLimitIsLimitExceededBeforeTheFunds() {
        PayingAuthorization broke = with(99L, null, NOW.plusSeconds(10), 0, 0);
        assertEquals(Optional.of(ErrorCode.LIMIT_EXCEEDED), decline(broke, "EUR", "EUR", 1_001));
        PayingAuthorization spent = new PayingAuthorization("oau_1", "alice", "acc_1", "EUR", 1_000, 1_500, 1_000, null,
                null, NOW.plusSeconds(10), 0, 0);
        assertEquals(Optional.of(ErrorCode.LIMIT_EXCEEDED), decline(spent, "EUR", "EUR", 501));
        assertEquals(Optional.of(ErrorCode.INSUFFICIENT_FUNDS), decline(spent, "EUR", "EUR", 500));
    }

    @Test
    void amountsEqualToALimitOrTheBalanceAreWithinIt() {
        assertEquals(Optional.empty(), decline(with(null, null, NOW.plusSeconds(10), 0, 1_000), "EUR", "EUR", 1_000));
        assertEquals(Optional.of(ErrorCode.INSUFFICIENT_FUNDS),
                decline(with(null, null, NOW.plusSeconds(10), 0, 999), "EUR", "EUR", 1_000));
    }

    @Test
    void onlyCurrencyLimitAndFundsDeclinesCountTowardAStep() {
        assertEquals(java.util.Set.of(ErrorCode.CURRENCY_MISMATCH, ErrorCode.LIMIT_EXCEEDED, ErrorCode.INSUFFICIENT_FUNDS),
                PaymentRules.STEP_DECLINES);
    }
}
