package dev.tillpoint.payments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /pos/payments/{id}/refunds}: how much of the payment to give back. */
@Schema(name = "NewRefund")
public record RefundCommand(
        @Schema(required = true, description = "Minor units", minimum = "1", examples = "500")
        @NotNull
        @Positive
        @Max(PaymentCommand.MAX_AMOUNT_MINOR)
        Long amount) {
}
