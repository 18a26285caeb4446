package dev.tillpoint.api.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.InputRules;
import dev.tillpoint.merchants.NewMerchant;

/**
 * Body of {@code POST /admin/merchants}.
 *
 * @param id       optional; the server generates one when absent
 * @param name     the merchant's name
 * @param currency the currency it is paid and settled in
 */
@Schema(name = "NewMerchant")
public record NewMerchantRequest(
        @Schema(description = "Optional; generated when absent", pattern = InputRules.ID, examples = "corner-shop")
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String id,

        @Schema(required = true, maxLength = InputRules.NAME_MAX, examples = "Corner Shop")
        @NotBlank
        @Size(max = InputRules.NAME_MAX)
        String name,

        @Schema(required = true, pattern = InputRules.CURRENCY, examples = "EUR")
        @NotNull
        @Pattern(regexp = InputRules.CURRENCY, message = InputRules.CURRENCY_MESSAGE)
        String currency) {

    NewMerchant toCommand() {
        return new NewMerchant(id, name, currency);
    }
}
