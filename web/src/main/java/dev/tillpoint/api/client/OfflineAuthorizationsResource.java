package dev.tillpoint.api.client;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Callers;
import dev.tillpoint.api.InputRules;
import dev.tillpoint.api.PageParams;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.Problem;
import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.payments.OfflineAuthorizationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer: offline authorizations (first approvals) of the caller's own accounts. */
@Path("offline-authorizations")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class OfflineAuthorizationsResource {

    @EJB
    private OfflineAuthorizationService authorizations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authorize offline payments",
            description = "Role: customer. Checks the payment PIN (secureCode) and issues the first approval for one"
                    + " of the caller's accounts and one device, revoking that device's earlier one. Limits above the"
                    + " bank's caps are lowered to them. The answer carries the TOTP secret: the only time it is shown.")
    @APIResponse(responseCode = "201", description = "The authorization with its code secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OfflineAuthorizationResponse.class)))
    @APIResponse(responseCode = "403", description = "SECURE_CODE_INVALID: wrong PIN (or FORBIDDEN: not a customer)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "423", description = "LOCKED: five wrong PINs in a row lock the account for a while",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response authorize(@NotNull @Valid NewOfflineAuthorizationRequest request,
            @Context SecurityContext security) {
        return ResultResponses.created(authorizations.authorize(Callers.id(security), request.toCommand()),
                OfflineAuthorizationResponse::created);
    }

    @GET
    @Operation(summary = "My offline authorizations",
            description = "Role: customer. The caller's authorizations with their status and remaining limit, oldest"
                    + " first, one page at a time; never their secrets.")
    @APIResponse(responseCode = "200", description = "A page of the caller's authorizations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OfflineAuthorizationList.class)))
    public Response mine(@BeanParam PageParams page, @Context SecurityContext security) {
        String customerId = Callers.id(security);
        return ResultResponses.ok(page.toRequest().flatMap(request -> authorizations.authorizationsOf(customerId, request)),
                OfflineAuthorizationList::from);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an offline authorization",
            description = "Role: customer. Its codes are refused from then on (AUTHORIZATION_REVOKED). Idempotent.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response revoke(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @Context SecurityContext security) {
        return ResultResponses.noContent(authorizations.revoke(Callers.id(security), id));
    }
}
