package dev.tillpoint.api.admin;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.InputRules;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.customers.AccountService;

/** Admin: opening customers' card accounts, reading them back and lifting PIN lockouts. */
@Path("admin/accounts")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_ADMIN)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class AccountsResource {

    @EJB
    private AccountService accounts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an account",
            description = "Role: admin. Opens a card account for an existing customer and posts the opening"
                    + " balance from the bank's funding account. The card number is shown only masked"
                    + " from then on; the PIN is never shown.")
    @APIResponse(responseCode = "201", description = "The opened account",
            headers = @Header(name = ApiDocs.LOCATION, description = ApiDocs.LOCATION_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "409", ref = ApiDocs.DUPLICATE)
    @APIResponse(responseCode = "422", ref = ApiDocs.UNKNOWN_REFERENCE)
    public Response open(@NotNull @Valid NewAccountRequest request) {
        return ResultResponses.created(accounts.open(request.toCommand()), AccountResponse::from,
                account -> uriOf(account.id()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an account",
            description = "Role: admin. The account with its balance and its PIN lockout (pinLockedUntil only"
                    + " while locked), so that a lock can be seen before it is lifted. The card number is shown"
                    + " only masked.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminAccountResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response find(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.okOrNotFound(accounts.find(id), AdminAccountResponse::from);
    }

    @POST
    @Path("{id}/unlock")
    @Operation(summary = "Unlock an account",
            description = "Role: admin. Lifts a PIN lockout (five wrong PINs in a row) before it expires.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response unlock(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.ok(accounts.unlock(id), AccountResponse::from);
    }

    /** Where {@link #find} reads the account back; relative, so JAX-RS resolves it against the API's base URI. */
    private static URI uriOf(String id) {
        return UriBuilder.fromResource(AccountsResource.class).path(AccountsResource.class, "find").build(id);
    }
}
