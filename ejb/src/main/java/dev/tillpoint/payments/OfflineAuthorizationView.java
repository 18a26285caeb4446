package dev.tillpoint.payments;

import java.time.Instant;

/** An offline authorization as its customer sees it; never its secret. */
public record OfflineAuthorizationView(String id, String accountNumberMasked, String deviceId, String currency,
                                       AuthorizationStatus status, Instant expiresAt, long perTransactionLimitMinor,
                                       long totalLimitMinor, long remainingLimitMinor, Instant createdAt) {
}
