package dev.tillpoint.api.pos;

import dev.tillpoint.api.InputRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /pos/reversals}: the key of a payment request whose answer never came. */
@Schema(name = "ReversalRequest")
public record ReversalRequest(
        @Schema(required = true, minLength = 1, maxLength = 64, examples = "till-7-000123")
        @NotNull
        @Size(min = 1, max = InputRules.IDEMPOTENCY_KEY_MAX, message = "must be 1 to 64 characters")
        String idempotencyKey) {
}
