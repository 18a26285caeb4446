package dev.tillpoint.api.pos;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Callers;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.TerminalResponse;
import dev.tillpoint.api.problem.Problems;
import dev.tillpoint.merchants.MerchantService;
import dev.tillpoint.shared.ErrorCode;

/** POS: the calling terminal itself, so a vendor can check its token and registration. */
@Path("pos/terminals")
@ApplicationScoped
@RolesAllowed(Roles.POS)
@ActiveTerminalRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_POS)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class TerminalsResource {

    @EJB
    private MerchantService merchants;

    @GET
    @Path("me")
    @Operation(summary = "This terminal",
            description = "Role: pos, as a registered and active terminal (else 403). The calling terminal and"
                    + " its merchant.")
    @APIResponse(responseCode = "200", description = "The calling terminal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TerminalResponse.class)))
    public Response me(@Context SecurityContext security) {
        // The filter admitted the terminal; it may have been deactivated since, hence the same 403.
        return merchants.activeTerminal(Callers.id(security))
                .map(terminal -> Response.ok(TerminalResponse.from(terminal)).build())
                .orElseGet(() -> Problems.response(ErrorCode.FORBIDDEN, ActiveTerminalFilter.NOT_AN_ACTIVE_TERMINAL));
    }
}
