package dev.tillpoint.api.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.InputRules;
import dev.tillpoint.customers.NewCustomer;

/**
 * Body of {@code POST /admin/customers}.
 *
 * @param id   optional; the server generates one when absent
 * @param name the customer's name
 */
@Schema(name = "NewCustomer")
public record NewCustomerRequest(
        @Schema(description = "Optional; generated when absent", pattern = InputRules.ID, examples = "alice")
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String id,

        @Schema(required = true, maxLength = InputRules.NAME_MAX, examples = "Alice")
        @NotBlank
        @Size(max = InputRules.NAME_MAX)
        String name) {

    NewCustomer toCommand() {
        return new NewCustomer(id, name);
    }
}
