package dev.tillpoint.payments;

import dev.tillpoint.payments.codes.Totp;
import dev.tillpoint.shared.Currencies;
import dev.tillpoint.shared.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a POS asks (the body of {@code POST /pos/payments}, as the contract names it): pay
 * {@code amount} minor units from the account of {@code userId} whose phone showed
 * {@code securityCode}, optionally for an order. Its shape rules are declared here once and
 * checked by Bean Validation before the service sees it; the service keeps the rules that need
 * state (the bank's currencies, the authorization, the balance).
 */
@Schema(name = "NewPayment")
public record PaymentCommand(
        @Schema(required = true, pattern = Ids.REGEX, examples = "alice")
        @NotNull
        @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
        String userId,

        @Schema(required = true, description = "The 8-digit one-time code the phone shows", pattern = Totp.CODE_REGEX,
                examples = "12345678")
        @NotNull
        @Pattern(regexp = Totp.CODE_REGEX, message = "must be " + Totp.DIGITS + " digits")
        String securityCode,

        @Schema(required = true, description = "Minor units", minimum = "1", examples = "1250")
        @NotNull
        @Positive
        @Max(MAX_AMOUNT_MINOR)
        Long amount,

        @Schema(required = true, pattern = Currencies.REGEX, examples = "EUR")
        @NotNull
        @Pattern(regexp = Currencies.REGEX, message = Currencies.MESSAGE)
        String currency,

        @Valid
        PaymentOrder order) {

    /** The largest amount a POS request may name (10 billion in a two-decimal currency). */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

    /** A command without an order. */
    public PaymentCommand(String userId, String securityCode, long amount, String currency) {
        this(userId, securityCode, amount, currency, null);
    }

    String orderId() {
        return order == null ? null : order.id();
    }

    String orderDescription() {
        return order == null ? null : order.description();
    }

    /** Never prints the security code. */
    @Override
    public String toString() {
        return "PaymentCommand[userId=" + userId + ", amount=" + amount + ", currency=" + currency
                + ", orderId=" + orderId() + ", securityCode=<hidden>]";
    }
}
