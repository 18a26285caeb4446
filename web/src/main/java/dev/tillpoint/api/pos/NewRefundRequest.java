package dev.tillpoint.api.pos;

import dev.tillpoint.api.InputRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /pos/payments/{id}/refunds}. */
@Schema(name = "NewRefund")
public record NewRefundRequest(
        @Schema(required = true, description = "Minor units", minimum = "1", examples = "500")
        @NotNull
        @Positive
        @Max(InputRules.OPENING_BALANCE_MAX)
        Long amount) {
}
