package dev.tillpoint.customers;

import java.time.Instant;
import java.util.Objects;

/**
 * A card account as the bank's admin reads it back: what its customer sees plus the PIN lockout,
 * so that an admin can see a lock before lifting it. Still nothing secret: the card number only
 * masked, no PIN hash, no count of wrong PINs.
 *
 * @param pinLockedUntil when the PIN lockout ends; null while the account is not locked
 */
public record AdminAccountView(AccountView account, Instant pinLockedUntil) {

    public AdminAccountView {
        Objects.requireNonNull(account, "account");
    }

    public boolean pinLocked() {
        return pinLockedUntil != null;
    }
}
