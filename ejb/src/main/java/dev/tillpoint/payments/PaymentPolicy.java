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

    /** CODE_INVALID answers of one terminal, whatever the users, that lock the terminal for every user. */
    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-lockout.terminal-wide-attempts", defaultValue = "50")
    int codeLockoutTerminalWideAttempts;

    /** Distinct terminals sending wrong codes for one user within the window that raise CODE_ATTACK_SUSPECTED. */
    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-attack.terminals", defaultValue = "3")
    int codeAttackTerminals;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-lockout.window-seconds", defaultValue = "600")
    long codeLockoutWindowSeconds;

    @Inject
    @ConfigProperty(name = "tillpoint.payments.code-lockout.lock-seconds", defaultValue = "900")
    long codeLockoutLockSeconds;


    @PostConstruct
    void check() {
        require(maxPerTransactionMinor > 0, "tillpoint.payments.max-per-transaction-minor");
        require(maxTotalMinor > 0, "tillpoint.payments.max-total-minor");
        require(maxValiditySeconds > 0, "tillpoint.payments.max-validity-seconds");
        require(codeSkewSteps >= 0 && codeSkewSteps <= 10, "tillpoint.payments.code-skew-steps (0..10)");
        require(expiredMatchSeconds >= 0, "tillpoint.payments.expired-match-seconds");
        require(codeLockoutTerminalAttempts > 0, "tillpoint.payments.code-lockout.terminal-attempts");
        require(codeLockoutTerminalWideAttempts > 0, "tillpoint.payments.code-lockout.terminal-wide-attempts");
        require(codeAttackTerminals > 1, "tillpoint.payments.code-attack.terminals (at least 2)");
        require(codeLockoutWindowSeconds > 0, "tillpoint.payments.code-lockout.window-seconds");
        require(codeLockoutLockSeconds > 0, "tillpoint.payments.code-lockout.lock-seconds");
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

    int codeLockoutTerminalWideAttempts() {
        return codeLockoutTerminalWideAttempts;
    }

    int codeAttackTerminals() {
        return codeAttackTerminals;
    }

    Duration codeLockoutWindow() {
        return Duration.ofSeconds(codeLockoutWindowSeconds);
    }

    Duration codeLockoutLock() {
        return Duration.ofSeconds(codeLockoutLockSeconds);
    }
}
