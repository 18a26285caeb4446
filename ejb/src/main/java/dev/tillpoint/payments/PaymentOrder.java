package dev.tillpoint.payments;

import dev.tillpoint.shared.FreeText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The POS's order a payment is for, echoed in the approval and the customer's history. */
@Schema(name = "Order")
public record PaymentOrder(
        @Schema(required = true, minLength = 1, maxLength = 64, examples = "order-42")
        @NotNull
        @Size(min = 1, max = 64, message = "must be 1 to 64 characters")
        String id,

        @Schema(maxLength = 140, examples = "2 coffees")
        @Size(max = 140, message = "must be at most 140 characters")
        @FreeText
        String description) {
}
