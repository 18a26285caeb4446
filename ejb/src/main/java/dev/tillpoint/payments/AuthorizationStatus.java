package dev.tillpoint.payments;

import java.time.Instant;

/** Where an offline authorization stands; EXPIRED is derived from the time, never stored. */
public enum AuthorizationStatus {
    ACTIVE,
    REVOKED,
    EXPIRED;

    /**
     * The one rule: revoked when revoked before it expired, else active until it expires. An
     * authorization revoked after its expiry (a revoke-all of old ones) stays EXPIRED.
     */
    static AuthorizationStatus of(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null && revokedAt.isBefore(expiresAt)) {
            return REVOKED;
        }
        return now.isBefore(expiresAt) ? ACTIVE : EXPIRED;
    }
}
