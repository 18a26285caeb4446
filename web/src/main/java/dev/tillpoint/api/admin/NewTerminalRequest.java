package dev.tillpoint.api.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.InputRules;

/**
 * Body of {@code POST /admin/merchants/{merchantId}/terminals}.
 *
 * @param id the terminal id, which is also the principal name of the terminal's JWT
 */
@Schema(name = "NewTerminal")
public record NewTerminalRequest(
        @Schema(required = true, pattern = InputRules.ID, examples = "till-01")
        @NotNull
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String id) {
}
