package dev.tillpoint.payments;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bank's offline-payment policy from MicroProfile Config (README "Offline payments" lists the
 * properties). A value that makes no sense fails the deployment rather than a payment.
 */
@Dependent
public class PaymentPolicy {

    @Inject
    @ConfigProperty(name = "tillpoint.payments.max-per-transaction-minor", defaultValue = "50000")
    long maxPerTransactionMinor;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.max-total-minor", defaultValue = "200000")
    long maxTotalMinor;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.max-validity-seconds", defaultValue = "86400")
    long maxValiditySeconds;

    /** Steps either side of the server's current one whose codes are accepted. */
    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-skew-steps", defaultValue = "2")
    int codeSkewSteps;

    /** How long after its expiry an authorization's codes are still matched (to answer AUTHORIZATION_EXPIRED). */
    @Inject
    @ConfigProperty(name = "tillpoint.payments.expired-match-seconds", defaultValue = "86400")
    long expiredMatchSeconds;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-lockout.terminal-attempts", defaultValue = "5")
    int codeLockoutTerminalAttempts;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-lockout.user-attempts", defaultValue = "20")
    int codeLockoutUserAttempts;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-lockout.window-seconds", defaultValue = "600")
    long codeLockoutWindowSeconds;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-lockout.lock-seconds", defaultValue = "900")
    long codeLockoutLockSeconds;

    /**
     * How long a claimed idempotency key stays claimed when its request never finished (a crash):
     * longer than any transaction may run, so a live request is never taken over.
     */
    @Inject
    @ConfigProperty(name = "tillpoint.payments.idempotency-claim-lease-seconds", defaultValue = "600")
    long idempotencyClaimLeaseSeconds;

    @PostConstruct
    void check() {
        require(maxPerTransactionMinor > 0, "tillpoint.payments.max-per-transaction-minor");
        require(maxTotalMinor > 0, "tillpoint.payments.max-total-minor");
        require(maxValiditySeconds > 0, "tillpoint.payments.max-validity-seconds");
        require(codeSkewSteps >= 0 && codeSkewSteps <= 10, "tillpoint.payments.code-skew-steps (0..10)");
        require(expiredMatchSeconds >= 0, "tillpoint.payments.expired-match-seconds");
        require(codeLockoutTerminalAttempts > 0, "tillpoint.payments.code-lockout.terminal-attempts");
        require(codeLockoutUserAttempts > 0, "tillpoint.payments.code-lockout.user-attempts");
        require(codeLockoutWindowSeconds > 0, "tillpoint.payments.code-lockout.window-seconds");
        require(codeLockoutLockSeconds > 0, "tillpoint.payments.code-lockout.lock-seconds");
        require(idempotencyClaimLeaseSeconds > 0, "tillpoint.payments.idempotency-claim-lease-seconds");
    }

    private static void require(boolean valid, String property) {
        if (!valid) {
            throw new IllegalStateException(property + " is out of range");
        }
    }

    long maxPerTransactionMinor() {
        return maxPerTransactionMinor;
    }

    long maxTotalMinor() {
        return maxTotalMinor;
    }

    long maxValiditySeconds() {
        return maxValiditySeconds;
    }

    int codeSkewSteps() {
        return codeSkewSteps;
    }

    Duration expiredMatch() {
        return Duration.ofSeconds(expiredMatchSeconds);
    }

    int codeLockoutTerminalAttempts() {
        return codeLockoutTerminalAttempts;
    }

    int codeLockoutUserAttempts() {
        return codeLockoutUserAttempts;
    }

    Duration codeLockoutWindow() {
        return Duration.ofSeconds(codeLockoutWindowSeconds);
    }

    Duration codeLockoutLock() {
        return Duration.ofSeconds(codeLockoutLockSeconds);
    }

    Duration idempotencyClaimLease() {
        return Duration.ofSeconds(idempotencyClaimLeaseSeconds);
    }
}
