package dev.tillpoint.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** DESIGN.md "Architecture": iat at most the skew ahead; lifetime at most 86 400 s. */
class TokenLifetimeFilterTest {

    private static final long NOW = 1_800_000_000L;
    private static final long SKEW = 60;
    private static final long DAY = 86_400;

    private static boolean accepted(long iat, long exp) {
        return TokenLifetimeFilter.isAcceptable(iat, exp, NOW, SKEW, DAY);
    }

    @Test
    void ordinaryTokensPass() {
        assertTrue(accepted(NOW, NOW + 600));
        assertTrue(accepted(NOW - 3600, NOW + 600));
        assertTrue(accepted(NOW + SKEW, NOW + SKEW + 600), "iat within the skew ahead");
        assertTrue(accepted(NOW - 100, NOW - 100 + DAY), "a lifetime of exactly a day");
        assertTrue(accepted(0, NOW + DAY), "no iat: exp - now of exactly a day");
    }

    @Test
    void iatBeyondTheSkewIsRefused() {
        assertFalse(accepted(NOW + SKEW + 1, NOW + SKEW + 600));
        assertFalse(accepted(NOW + DAY, NOW + DAY + 600));
    }

    @Test
    void lifetimesOverADayAreRefused() {
        assertFalse(accepted(NOW, NOW + DAY + 1));
        assertFalse(accepted(NOW - 60, NOW + 10L * 365 * DAY));
        assertFalse(accepted(0, NOW + DAY + 1), "no iat: exp - now");
    }
}
