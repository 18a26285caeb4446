package dev.tillpoint.api.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.InputRules;

/** Body of {@code POST /groups/{id}/members}: whom to invite (any well-formed id). */
@Schema(name = "NewMember")
public record NewMemberRequest(
        @Schema(required = true, pattern = InputRules.ID, examples = "bob")
        @NotNull
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String userId) {
}
