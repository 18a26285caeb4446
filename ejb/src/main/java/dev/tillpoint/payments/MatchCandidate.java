package dev.tillpoint.payments;

import java.time.Instant;

/** An authorization of the user whose codes could still be presented, read as a projection. */
public record MatchCandidate(String id, String secretCiphertext, Long lastUsedStep, Instant revokedAt, Instant expiresAt) {

    boolean isActiveAt(Instant now) {
        return (revokedAt == null || !revokedAt.isBefore(expiresAt)) && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "MatchCandidate[id=" + id + "]";
    }
}
