package dev.tillpoint.api.pos;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.Problem;
import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.payments.PosPayments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POS: reversals of payment requests whose answer never arrived (ISO 8583's reversal advice). */
@Path("pos/reversals")
@ApplicationScoped
@RolesAllowed(Roles.POS)
@ActiveTerminalRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_POS)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class ReversalsResource {

    @EJB
    private PosPayments payments;

    @Inject
    CallingTerminal caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reverse by idempotency key",
            description = "Role: pos. Reverses the payment this terminal made with the key; when it made none yet, the"
                    + " key is recorded as reversed and a payment arriving later with it gets 409 PAYMENT_REVERSED.")
    @APIResponse(responseCode = "200", description = "Reversed; payment is null when none was made with the key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReversalResponse.class)))
    @APIResponse(responseCode = "409", description = "PAYMENT_SETTLED, PAYMENT_REFUNDED, IDEMPOTENCY_IN_PROGRESS or"
            + " IDEMPOTENCY_CONFLICT (a refund's key)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reverse(@NotNull @Valid ReversalRequest request) {
        return ResultResponses.ok(payments.reverseByKey(caller.get(), request.idempotencyKey()),
                ReversalResponse::from);
    }
}
