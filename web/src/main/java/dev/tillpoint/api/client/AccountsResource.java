package dev.tillpoint.api.client;

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
import dev.tillpoint.customers.AccountService;

/** Customer: the caller's own accounts. The customer is the token's principal, never a parameter. */
@Path("accounts")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class AccountsResource {

    @EJB
    private AccountService accounts;

    @GET
    @Operation(summary = "My accounts",
            description = "Role: customer. The caller's accounts with their balances, oldest first, one page at a"
                    + " time; card numbers masked.")
    @APIResponse(responseCode = "200", description = "A page of the caller's accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountList.class)))
    public Response mine(@BeanParam PageParams page, @Context SecurityContext security) {
        String customerId = Callers.id(security);
        return ResultResponses.ok(page.toRequest().flatMap(request -> accounts.accountsOf(customerId, request)),
                AccountList::from);
    }
}
