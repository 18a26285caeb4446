package dev.tillpoint.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfflineAuthorizationTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

    private static OfflineAuthorization authorization() {
        return new OfflineAuthorization("oau_1", "alice", "acc_1", "EUR", "************1111", "phone",
                new AuthorizationLimits(1_000, 1_500, 3_600), "ciphertext", CREATED);
    }

    @Test
    void itIsActiveUntilItExpiresOrIsRevoked() {
        OfflineAuthorization authorization = authorization();
        assertEquals(AuthorizationStatus.ACTIVE, authorization.statusAt(CREATED.plusSeconds(3_599)));
        assertEquals(AuthorizationStatus.EXPIRED, authorization.statusAt(CREATED.plusSeconds(3_600)));
        authorization.revoke(CREATED.plusSeconds(10));
        assertEquals(AuthorizationStatus.REVOKED, authorization.statusAt(CREATED.plusSeconds(20)));
        assertEquals(AuthorizationStatus.REVOKED, authorization.statusAt(CREATED.plusSeconds(7_200)));
    }

    @Test
    void aRevocationAfterExpiryLeavesItExpired() {
        OfflineAuthorization authorization = authorization();
        authorization.revoke(CREATED.plusSeconds(4_000));
        assertEquals(AuthorizationStatus.EXPIRED, authorization.statusAt(CREATED.plusSeconds(5_000)));
    }

    @Test
    void aReversalGivesTheAmountBackButNeverMoreThanWasSpent() {
        OfflineAuthorization authorization = authorization();
        assertThrows(IllegalStateException.class, () -> authorization.restore(1));
        assertEquals(1_500, authorization.remainingMinor());
    }
}
