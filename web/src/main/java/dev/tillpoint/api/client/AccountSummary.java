package dev.tillpoint.api.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.customers.AccountView;

/** One of the caller's accounts, as the app shows it: masked number and balance. */
@Schema(name = "AccountSummary")
public record AccountSummary(
        String id,
        @Schema(examples = "************1111") String accountNumberMasked,
        @Schema(examples = "EUR") String currency,
        @Schema(description = "Minor units", examples = "125000") long balance) {

    static AccountSummary from(AccountView view) {
        return new AccountSummary(view.id(), view.accountNumberMasked(), view.currency(), view.balanceMinor());
    }
}
