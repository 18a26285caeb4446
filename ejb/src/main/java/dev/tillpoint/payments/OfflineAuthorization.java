package dev.tillpoint.payments;

import dev.tillpoint.shared.CreationOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The first approval: a customer's account may pay offline from one device, within limits, until
 * it expires or is revoked, with codes derived from an encrypted secret. Changed only under a row
 * lock ({@link PosPayments} with targeted updates, {@link OfflineAuthorizationService}).
 */
@Entity
@Table(name = "offline_authorizations")
public class OfflineAuthorization {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "customer_id", length = 64, nullable = false, updatable = false)
    private String customerId;

    @Column(name = "account_id", length = 64, nullable = false, updatable = false)
    private String accountId;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(name = "account_masked", length = 32, nullable = false, updatable = false)
    private String accountMasked;

    @Column(name = "device_id", length = 64, nullable = false, updatable = false)
    private String deviceId;

    @Column(name = "active_device_id", length = 64)
    private String activeDeviceId;

    @Column(name = "per_transaction_limit", nullable = false, updatable = false)
    private long perTransactionLimitMinor;

    @Column(name = "total_limit", nullable = false, updatable = false)
    private long totalLimitMinor;

    @Column(name = "spent_minor", nullable = false)
    private long spentMinor;

    @Column(name = "secret_ciphertext", length = 128, nullable = false, updatable = false)
    private String secretCiphertext;

    @Column(name = "last_used_step")
    private Long lastUsedStep;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected OfflineAuthorization() {
        // for JPA
    }

    OfflineAuthorization(String id, String customerId, String accountId, String currency, String accountMasked,
            String deviceId, AuthorizationLimits limits, String secretCiphertext, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.accountMasked = Objects.requireNonNull(accountMasked, "accountMasked");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.activeDeviceId = deviceId;
        this.perTransactionLimitMinor = limits.perTransactionMinor();
        this.totalLimitMinor = limits.totalMinor();
        this.secretCiphertext = Objects.requireNonNull(secretCiphertext, "secretCiphertext");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = createdAt.plusSeconds(limits.validitySeconds());
    }

    AuthorizationStatus statusAt(Instant now) {
        return AuthorizationStatus.of(revokedAt, expiresAt, now);
    }

    /** Its codes are refused from {@code now} on; a second revocation keeps the first time. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = Objects.requireNonNull(now, "now");
            activeDeviceId = null;
        }
    }

    long remainingMinor() {
        return totalLimitMinor - spentMinor;
    }

    /** A reversal gives the amount back to the remaining limit (the step stays used). */
    void restore(long amountMinor) {
        if (amountMinor <= 0 || amountMinor > spentMinor) {
            throw new IllegalStateException("Authorization " + id + " never spent this amount");
        }
        spentMinor -= amountMinor;
    }

    String id() {
        return id;
    }

    String customerId() {
        return customerId;
    }

    String accountId() {
        return accountId;
    }

    String currency() {
        return currency;
    }

    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }

    OfflineAuthorizationView viewAt(Instant now) {
        return new OfflineAuthorizationView(id, accountMasked, deviceId, currency, statusAt(now), expiresAt,
                perTransactionLimitMinor, totalLimitMinor, remainingMinor(), createdAt);
    }
}
