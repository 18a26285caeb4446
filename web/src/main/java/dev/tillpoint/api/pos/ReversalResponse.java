package dev.tillpoint.api.pos;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tillpoint.payments.PaymentView;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a reversal by key: the reversed payment, or null when none was made with the key. */
@Schema(name = "Reversal")
public record ReversalResponse(
        @Schema(enumeration = "REVERSED") String status,
        @Schema(description = "The reversed payment; null when no payment was made with the key")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        PaymentResponse payment) {

    static ReversalResponse from(Optional<PaymentView> payment) {
        return new ReversalResponse("REVERSED", payment.map(PaymentResponse::from).orElse(null));
    }
}
