package dev.tillpoint.api.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.feed.InteractionType;
import dev.tillpoint.feed.NewInteraction;
import dev.tillpoint.shared.FreeText;

/** Body of {@code POST /posts/{id}/interactions}; {@code text} is required for a COMMENT, refused otherwise. */
@Schema(name = "NewInteraction")
public record NewInteractionRequest(
        @Schema(required = true, examples = "LIKE")
        @NotNull
        InteractionType type,

        @Schema(description = "Required for COMMENT, at most 1000 characters", maxLength = NewInteractionRequest.TEXT_MAX)
        @Size(max = TEXT_MAX)
        @FreeText
        String text) {

    static final int TEXT_MAX = 1000;

    NewInteraction toCommand() {
        return new NewInteraction(type, text);
    }
}
