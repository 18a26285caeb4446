package dev.tillpoint.api.merchant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
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
import dev.tillpoint.api.PageParams;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.api.TerminalList;
import dev.tillpoint.merchants.MerchantService;

/** Merchant: the caller's own terminals. The merchant is the token's principal, never a parameter. */
@Path("merchant/terminals")
@ApplicationScoped
@RolesAllowed(Roles.MERCHANT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_MERCHANT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class TerminalsResource {

    @EJB
    private MerchantService merchants;

    @GET
    @Operation(summary = "My terminals",
            description = "Role: merchant. The caller's terminals, active and deactivated, oldest first, one page at"
                    + " a time.")
    @APIResponse(responseCode = "200", description = "A page of the caller's terminals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TerminalList.class)))
    public Response mine(@BeanParam PageParams page, @Context SecurityContext security) {
        String merchantId = Callers.id(security);
        return ResultResponses.ok(page.toRequest().flatMap(request -> merchants.terminalsOf(merchantId, request)),
                TerminalList::from);
    }
}
