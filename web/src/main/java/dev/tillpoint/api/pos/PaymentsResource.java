package dev.tillpoint.api.pos;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.InputRules;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.Problem;
import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.payments.PaymentCommand;
import dev.tillpoint.payments.PosPayments;
import dev.tillpoint.payments.RefundCommand;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * POS: payments (second approvals) with their reversals and refunds. The terminal is the token's
 * principal and its merchant comes from the server's records, never from the body.
 */
@Path("pos/payments")
@ApplicationScoped
@RolesAllowed(Roles.POS)
@ActiveTerminalRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_POS)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class PaymentsResource {

    private static final String KEY_DESCRIPTION = "1 to 64 characters, scoped to the terminal and kept at least 24 h:"
            + " the same key with the same body answers what the first request got; with another body 409"
            + " IDEMPOTENCY_CONFLICT; while the first still runs 409 IDEMPOTENCY_IN_PROGRESS.";
    private static final String KEY_MESSAGE = "is required: 1 to 64 characters";

    @EJB
    private PosPayments payments;

    @Inject
    CallingTerminal caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay (second approval)",
            description = "Role: pos, as a registered and active terminal. Matches the one-time code against the"
                    + " user's offline authorizations, checks it, the authorization, currency, limits and funds in"
                    + " DESIGN.md's order, debits the customer and credits the merchant side through the ledger."
                    + " Declines (402) are recorded and moved no money.")
    @APIResponse(responseCode = "201", description = "Approved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "402", description = "Declined: CODE_INVALID, CODE_REUSED, AUTHORIZATION_REVOKED,"
            + " AUTHORIZATION_EXPIRED, CURRENCY_MISMATCH, LIMIT_EXCEEDED or INSUFFICIENT_FUNDS",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS or PAYMENT_REVERSED"
            + " (the key was reversed)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "423", description = "LOCKED: too many wrong codes for this user",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pay(
            @Parameter(in = ParameterIn.HEADER, required = true, description = KEY_DESCRIPTION)
            @HeaderParam(PosPayments.IDEMPOTENCY_KEY) @NotNull(message = KEY_MESSAGE)
            @Size(min = 1, max = InputRules.IDEMPOTENCY_KEY_MAX, message = KEY_MESSAGE) String idempotencyKey,
            @NotNull @Valid PaymentCommand request) {
        return ResultResponses.created(payments.pay(caller.get(), idempotencyKey, request),
                PaymentResponse::from);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a payment",
            description = "Role: pos. A payment of the terminal's merchant as it stands now (status, refunds, settlement).")
    @APIResponse(responseCode = "200", description = "The payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response find(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.okOrNotFound(payments.find(caller.get(), id), PaymentResponse::from);
    }

    @POST
    @Path("{id}/reversal")
    @Operation(summary = "Reverse a payment",
            description = "Role: pos. Undoes an unsettled, unrefunded payment of the terminal's merchant and gives the"
                    + " authorization's remaining limit back; idempotent.")
    @APIResponse(responseCode = "200", description = "The payment, REVERSED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "PAYMENT_SETTLED or PAYMENT_REFUNDED",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reverse(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.ok(payments.reverse(caller.get(), id), PaymentResponse::from);
    }

    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund a payment",
            description = "Role: pos. Refunds part or all of a payment of the terminal's merchant, also after"
                    + " settlement; never more than the payment in total. Idempotent by key like a payment.")
    @APIResponse(responseCode = "201", description = "The refund",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RefundResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "PAYMENT_REVERSED, IDEMPOTENCY_CONFLICT or IDEMPOTENCY_IN_PROGRESS",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "REFUND_EXCEEDS_PAYMENT",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refund(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @Parameter(in = ParameterIn.HEADER, required = true, description = KEY_DESCRIPTION)
            @HeaderParam(PosPayments.IDEMPOTENCY_KEY) @NotNull(message = KEY_MESSAGE)
            @Size(min = 1, max = InputRules.IDEMPOTENCY_KEY_MAX, message = KEY_MESSAGE) String idempotencyKey,
            @NotNull @Valid RefundCommand request) {
        return ResultResponses.created(payments.refund(caller.get(), id, idempotencyKey, request),
                RefundResponse::from);
    }
}
