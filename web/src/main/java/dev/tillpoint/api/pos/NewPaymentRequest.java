package dev.tillpoint.api.pos;

import dev.tillpoint.api.InputRules;
import dev.tillpoint.payments.PaymentCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /pos/payments}: who pays (the user id and the one-time code the phone shows),
 * how much, and for which order.
 */
@Schema(name = "NewPayment")
public record NewPaymentRequest(
        @Schema(required = true, pattern = InputRules.ID, examples = "alice")
        @NotNull
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String userId,

        @Schema(required = true, description = "The 8-digit one-time code the phone shows", pattern = "[0-9]{8}",
                examples = "12345678")
        @NotNull
        @Pattern(regexp = "[0-9]{8}", message = "must be 8 digits")
        String securityCode,

        @Schema(required = true, description = "Minor units", minimum = "1", examples = "1250")
        @NotNull
        @Positive
        @Max(InputRules.OPENING_BALANCE_MAX)
        Long amount,

        @Schema(required = true, pattern = InputRules.CURRENCY, examples = "EUR")
        @NotNull
        @Pattern(regexp = InputRules.CURRENCY, message = InputRules.CURRENCY_MESSAGE)
        String currency,

        @Valid
        OrderBody order) {

    PaymentCommand toCommand() {
        return new PaymentCommand(userId, securityCode, amount, currency, order == null ? null : order.id(),
                order == null ? null : order.description());
    }

    /** Never prints the security code, whoever logs this record. */
    @Override
    public String toString() {
        return "NewPaymentRequest[userId=" + userId + ", amount=" + amount + ", currency=" + currency
                + ", securityCode=<hidden>]";
    }
}
