package dev.tillpoint.api.admin;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import dev.tillpoint.api.TerminalResponse;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.merchants.MerchantService;

/** Admin: registering merchants and their POS terminals, reading merchants back. */
@Path("admin/merchants")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_ADMIN)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class MerchantsResource {

    @EJB
    private MerchantService merchants;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a merchant",
            description = "Role: admin. The id is generated when absent; an existing id is a DUPLICATE.")
    @APIResponse(responseCode = "201", description = "The registered merchant",
            headers = @Header(name = ApiDocs.LOCATION, description = ApiDocs.LOCATION_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MerchantResponse.class)))
    @APIResponse(responseCode = "409", ref = ApiDocs.DUPLICATE)
    public Response register(@NotNull @Valid NewMerchantRequest request) {
        return ResultResponses.created(merchants.register(request.toCommand()), MerchantResponse::from,
                merchant -> uriOf(merchant.id()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a merchant",
            description = "Role: admin. The merchant as registered.")
    @APIResponse(responseCode = "200", description = "The merchant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MerchantResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response find(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.okOrNotFound(merchants.find(id), MerchantResponse::from);
    }

    @POST
    @Path("{merchantId}/terminals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a terminal",
            description = "Role: admin. Registers an active POS terminal of the merchant. The terminal id is"
                    + " the principal name its JWT must carry.")
    @APIResponse(responseCode = "201", description = "The registered terminal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TerminalResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocs.DUPLICATE)
    public Response addTerminal(
            @PathParam("merchantId") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String merchantId,
            @NotNull @Valid NewTerminalRequest request) {
        return ResultResponses.created(merchants.addTerminal(merchantId, request.id()), TerminalResponse::from);
    }

    @DELETE
    @Path("{merchantId}/terminals/{id}")
    @Operation(summary = "Deactivate a terminal",
            description = "Role: admin. The terminal's token is refused (403) from then on; its history is kept.")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response deactivateTerminal(
            @PathParam("merchantId") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String merchantId,
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.noContent(merchants.deactivateTerminal(merchantId, id));
    }

    /** Where {@link #find} reads the merchant back; relative, so JAX-RS resolves it against the API's base URI. */
    private static URI uriOf(String id) {
        return UriBuilder.fromResource(MerchantsResource.class).path(MerchantsResource.class, "find").build(id);
    }
}
