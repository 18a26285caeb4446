package dev.tillpoint.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthorizationLimitsTest {

    private final PaymentPolicy policy = new PaymentPolicy();

    AuthorizationLimitsTest() {
        policy.maxPerTransactionMinor = 50_000;
        policy.maxTotalMinor = 200_000;
        policy.maxValiditySeconds = 86_400;
    }

    @Test
    void absentLimitsAreTheCaps() {
        assertEquals(new AuthorizationLimits(50_000, 200_000, 86_400), AuthorizationLimits.capped(null, null, null, policy));
    }

    @Test
    void limitsAboveTheCapsAreLowered() {
        assertEquals(new AuthorizationLimits(50_000, 200_000, 86_400),
                AuthorizationLimits.capped(60_000L, 900_000L, 1_000_000L, policy));
    }

    @Test
    void limitsWithinTheCapsAreKept() {
        assertEquals(new AuthorizationLimits(1_000, 5_000, 60), AuthorizationLimits.capped(1_000L, 5_000L, 60L, policy));
    }

    @Test
    void thePerTransactionLimitNeverExceedsTheTotal() {
        assertEquals(new AuthorizationLimits(3_000, 3_000, 86_400), AuthorizationLimits.capped(null, 3_000L, null, policy));
        assertEquals(new AuthorizationLimits(3_000, 3_000, 86_400), AuthorizationLimits.capped(40_000L, 3_000L, null, policy));
    }
}
