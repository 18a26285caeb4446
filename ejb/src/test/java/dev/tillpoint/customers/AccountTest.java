package dev.tillpoint.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.shared.CardNumber;
import dev.tillpoint.shared.PinHash;
import dev.tillpoint.shared.Result;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    private final Account account = new Account("acc_1", "alice", "EUR",
            ((Result.Ok<CardNumber>) CardNumber.parse("4111111111111111")).value(), "ciphertext", "lookup",
            new PinHash("hash", "salt", 1_000), NOW);

    @Test
    void showsTheCardNumberOnlyMasked() {
        assertEquals(new AccountView("acc_1", "alice", "************1111", "EUR", 2_500), account.view(2_500));
    }

    @Test
    void keepsThePinHashWithItsIterationCount() {
        assertEquals(new PinHash("hash", "salt", 1_000), account.pinHash());
    }

    @Test
    void theFifthWrongPinInARowLocksTheAccount() {
        for (int i = 0; i < 4; i++) {
            account.recordWrongPin(NOW, 5, LOCK);
        }
        assertFalse(account.isLockedAt(NOW));

        account.recordWrongPin(NOW, 5, LOCK);

        assertTrue(account.isLockedAt(NOW));
        assertTrue(account.isLockedAt(NOW.plus(LOCK).minusNanos(1)));
        assertFalse(account.isLockedAt(NOW.plus(LOCK)));
    }

    @Test
    void aRightPinEndsTheRun() {
        for (int i = 0; i < 4; i++) {
            account.recordWrongPin(NOW, 5, LOCK);
        }
        account.recordRightPin();
        account.recordWrongPin(NOW, 5, LOCK);

        assertFalse(account.isLockedAt(NOW));
        assertEquals(1, account.failedPinAttempts());
    }

    @Test
    void unlockingLiftsTheLockAndForgetsTheWrongPins() {
        for (int i = 0; i < 5; i++) {
            account.recordWrongPin(NOW, 5, LOCK);
        }

        account.unlock();

        assertFalse(account.isLockedAt(NOW));
        assertEquals(0, account.failedPinAttempts());
    }

    @Test
    void aLockThatRanOutStartsAFreshCount() {
        for (int i = 0; i < 5; i++) {
            account.recordWrongPin(NOW, 5, LOCK);
        }

        account.recordWrongPin(NOW.plus(LOCK), 5, LOCK);

        assertFalse(account.isLockedAt(NOW.plus(LOCK)));
        assertEquals(1, account.failedPinAttempts());
    }

    @Test
    void theAdminSeesAPinLockUntilItEnds() {
        assertEquals(new AdminAccountView(account.view(2_500), null), account.adminView(2_500, NOW));
        for (int i = 0; i < 5; i++) {
            account.recordWrongPin(NOW, 5, LOCK);
        }

        AdminAccountView locked = account.adminView(2_500, NOW);
        assertTrue(locked.pinLocked());
        assertEquals(NOW.plus(LOCK), locked.pinLockedUntil());
        assertEquals(account.view(2_500), locked.account());

        assertFalse(account.adminView(2_500, NOW.plus(LOCK)).pinLocked(), "a lock that ran out is no lock");
        account.unlock();
        assertFalse(account.adminView(2_500, NOW).pinLocked());
    }

    @Test
    void aCommandPrintsNeitherCardNumberNorPin() {
        String printed = new NewAccount("alice", "4111111111111111", "EUR", 100, "123456").toString();

        assertFalse(printed.contains("4111111111111111"));
        assertFalse(printed.contains("123456"));
    }
}
