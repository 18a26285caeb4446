package dev.tillpoint.api.client;

import dev.tillpoint.api.InputRules;
import dev.tillpoint.payments.NewOfflineAuthorization;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /offline-authorizations}. Limits and validity are optional: absent means the
 * bank's cap, a value above the cap (however large) is lowered to it, zero or less is refused.
 *
 * @param secureCode the 6-digit payment PIN
 */
@Schema(name = "NewOfflineAuthorization")
public record NewOfflineAuthorizationRequest(
        @Schema(required = true, description = "Card number (PAN) of one of the caller's accounts",
                pattern = InputRules.CARD_NUMBER, examples = "4111111111111111")
        @NotNull
        @Pattern(regexp = InputRules.CARD_NUMBER, message = InputRules.CARD_NUMBER_MESSAGE)
        String accountNumber,

        @Schema(required = true, description = "The 6-digit payment PIN, as a string", pattern = InputRules.PIN,
                examples = "123456")
        @NotNull
        @Pattern(regexp = InputRules.PIN, message = InputRules.PIN_MESSAGE)
        String secureCode,

        @Schema(required = true, description = "The phone the authorization is bound to", pattern = InputRules.ID,
                examples = "phone-1")
        @NotNull
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String deviceId,

        @Schema(description = "Minor units; lowered to the bank's cap", minimum = "1", examples = "50000")
        @Positive
        Long perTransactionLimit,

        @Schema(description = "Minor units; lowered to the bank's cap", minimum = "1", examples = "200000")
        @Positive
        Long totalLimit,

        @Schema(description = "Seconds; lowered to the bank's cap", minimum = "1", examples = "86400")
        @Positive
        Long validitySeconds) {

    NewOfflineAuthorization toCommand() {
        return new NewOfflineAuthorization(accountNumber, secureCode, deviceId, perTransactionLimit, totalLimit,
                validitySeconds);
    }

    /** Never prints the card number or the PIN, whoever logs this record. */
    @Override
    public String toString() {
        return "NewOfflineAuthorizationRequest[deviceId=" + deviceId + ", perTransactionLimit=" + perTransactionLimit
                + ", totalLimit=" + totalLimit + ", validitySeconds=" + validitySeconds
                + ", accountNumber=<hidden>, secureCode=<hidden>]";
    }
}
