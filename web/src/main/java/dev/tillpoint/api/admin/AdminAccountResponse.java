package dev.tillpoint.api.admin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.customers.AccountView;
import dev.tillpoint.customers.AdminAccountView;

/**
 * An account as the admin reads it back: {@link AccountResponse}'s fields plus the PIN lockout, so
 * that a lock can be seen before it is lifted. Nothing secret: the card number only masked.
 */
@Schema(name = "AdminAccount")
public record AdminAccountResponse(
        String id,
        String customerId,
        @Schema(examples = "************1111") String accountNumberMasked,
        String currency,
        @Schema(description = "Minor units") long balance,
        @Schema(description = "Whether wrong PINs have locked the account") boolean pinLocked,
        @Schema(description = "When the PIN lockout ends; present only while the account is locked")
        Instant pinLockedUntil) {

    static AdminAccountResponse from(AdminAccountView view) {
        AccountView account = view.account();
        return new AdminAccountResponse(account.id(), account.customerId(), account.accountNumberMasked(),
                account.currency(), account.balanceMinor(), view.pinLocked(), view.pinLockedUntil());
    }
}
