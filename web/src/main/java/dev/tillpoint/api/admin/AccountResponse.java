package dev.tillpoint.api.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.customers.AccountView;

/** An account as the bank's admin sees it: the card number only masked. */
@Schema(name = "Account")
public record AccountResponse(
        String id,
        String customerId,
        @Schema(examples = "************1111") String accountNumberMasked,
        String currency,
        @Schema(description = "Minor units") long balance) {

    static AccountResponse from(AccountView view) {
        return new AccountResponse(view.id(), view.customerId(), view.accountNumberMasked(), view.currency(),
                view.balanceMinor());
    }
}
