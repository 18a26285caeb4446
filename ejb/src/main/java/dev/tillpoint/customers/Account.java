package dev.tillpoint.customers;

import dev.tillpoint.shared.CardNumber;
import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.PinHash;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's card account. Holds the card number only encrypted and hashed, the PIN only hashed,
 * and the PIN lockout state; the money is in the ledger account of the same id.
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "customer_id", length = 64, nullable = false, updatable = false)
    private String customerId;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(name = "pan_ciphertext", length = 128, nullable = false)
    private String panCiphertext;

    @Column(name = "pan_lookup", length = 64, nullable = false, unique = true)
    private String panLookup;

    @Column(name = "pan_last4", length = 4, nullable = false)
    private String panLast4;

    @Column(name = "pan_length", nullable = false)
    private int panLength;

    @Column(name = "pin_hash", length = 64, nullable = false)
    private String pinHash;

    @Column(name = "pin_salt", length = 32, nullable = false)
    private String pinSalt;

    @Column(name = "pin_iterations", nullable = false)
    private int pinIterations;

    @Column(name = "failed_pin_attempts", nullable = false)
    private int failedPinAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    /**
     * @param panCiphertext the card number encrypted by {@link dev.tillpoint.shared.PanCipher}
     * @param panLookup     its keyed hash from {@link dev.tillpoint.shared.PanLookup}
     */
    Account(String id, String customerId, String currency, CardNumber pan, String panCiphertext, String panLookup,
            PinHash pin, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.panCiphertext = Objects.requireNonNull(panCiphertext, "panCiphertext");
        this.panLookup = Objects.requireNonNull(panLookup, "panLookup");
        this.panLast4 = pan.last4();
        this.panLength = pan.length();
        this.pinHash = pin.hashBase64();
        this.pinSalt = pin.saltBase64();
        this.pinIterations = pin.iterations();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether wrong PINs have locked the account at {@code now}. */
    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a wrong PIN; the {@code maxAttempts}-th in a row locks the account until
     * {@code now + lockDuration}. A lock that has run out starts a fresh count.
     */
    void recordWrongPin(Instant now, int maxAttempts, Duration lockDuration) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            unlock();
        }
        failedPinAttempts++;
        if (failedPinAttempts >= maxAttempts) {
            lockedUntil = now.plus(lockDuration);
        }
    }

    /** A right PIN ends a run of wrong ones. */
    void recordRightPin() {
        failedPinAttempts = 0;
    }

    /** Lifts a PIN lockout and forgets earlier wrong PINs. */
    void unlock() {
        failedPinAttempts = 0;
        lockedUntil = null;
    }

    PinHash pinHash() {
        return new PinHash(pinHash, pinSalt, pinIterations);
    }

    boolean belongsTo(String customerId) {
        return this.customerId.equals(customerId);
    }

    VerifiedAccount verified() {
        return new VerifiedAccount(id, customerId, currency, CardNumber.mask(panLength, panLast4));
    }

    int failedPinAttempts() {
        return failedPinAttempts;
    }

    String id() {
        return id;
    }

    /** Where the account stands in its customer's list, oldest first. */
    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }

    AccountView view(long balanceMinor) {
        return new AccountView(id, customerId, CardNumber.mask(panLength, panLast4), currency, balanceMinor);
    }

    /** The admin's view at {@code now}: a lock that has run out is shown as none, as the PIN check treats it. */
    AdminAccountView adminView(long balanceMinor, Instant now) {
        return new AdminAccountView(view(balanceMinor), isLockedAt(now) ? lockedUntil : null);
    }
}
