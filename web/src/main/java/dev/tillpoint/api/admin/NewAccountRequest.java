package dev.tillpoint.api.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.InputRules;
import dev.tillpoint.customers.NewAccount;

/**
 * Body of {@code POST /admin/accounts}. The opening balance is a {@code Long} so that a missing
 * one is reported as missing instead of silently becoming 0.
 *
 * @param customerId     the owner, who must exist (else 422)
 * @param accountNumber  the card number (PAN); the service checks Luhn, stores it encrypted and
 *                       shows it masked from then on
 * @param currency       ISO 4217
 * @param openingBalance minor units, posted from the bank's funding account
 * @param pin            the 6-digit payment PIN, stored only as a slow salted hash
 */
@Schema(name = "NewAccount")
public record NewAccountRequest(
        @Schema(required = true, pattern = InputRules.ID, examples = "alice")
        @NotNull
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String customerId,

        @Schema(required = true, description = "Card number (PAN), 12-19 digits, Luhn-valid",
                pattern = InputRules.CARD_NUMBER, examples = "4111111111111111")
        @NotNull
        @Pattern(regexp = InputRules.CARD_NUMBER, message = InputRules.CARD_NUMBER_MESSAGE)
        String accountNumber,

        @Schema(required = true, pattern = InputRules.CURRENCY, examples = "EUR")
        @NotNull
        @Pattern(regexp = InputRules.CURRENCY, message = InputRules.CURRENCY_MESSAGE)
        String currency,

        @Schema(required = true, description = "Minor units (1250 EUR = 12.50 EUR)",
                minimum = "0", maximum = "1000000000000", examples = "100000")
        @NotNull
        @PositiveOrZero
        @Max(InputRules.OPENING_BALANCE_MAX)
        Long openingBalance,

        @Schema(required = true, description = "6-digit payment PIN, as a string",
                pattern = InputRules.PIN, examples = "123456")
        @NotNull
        @Pattern(regexp = InputRules.PIN, message = InputRules.PIN_MESSAGE)
        String pin) {

    NewAccount toCommand() {
        return new NewAccount(customerId, accountNumber, currency, openingBalance, pin);
    }

    /** Never prints the card number or the PIN, whoever logs this record. */
    @Override
    public String toString() {
        return "NewAccountRequest[customerId=" + customerId + ", currency=" + currency
                + ", openingBalance=" + openingBalance + ", accountNumber=<hidden>, pin=<hidden>]";
    }
}
