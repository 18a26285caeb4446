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
import dev.tillpoint.customers.CustomerService;
import dev.tillpoint.payments.OfflineAuthorizationService;

/** Admin: registering the bank's customers and reading them back. */
@Path("admin/customers")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_ADMIN)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class CustomersResource {

    @EJB
    private CustomerService customers;

    @EJB
    private OfflineAuthorizationService authorizations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a customer",
            description = "Role: admin. The id is generated when absent; an existing id is a DUPLICATE.")
    @APIResponse(responseCode = "201", description = "The registered customer",
            headers = @Header(name = ApiDocs.LOCATION, description = ApiDocs.LOCATION_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", ref = ApiDocs.DUPLICATE)
    public Response register(@NotNull @Valid NewCustomerRequest request) {
        return ResultResponses.created(customers.register(request.toCommand()), CustomerResponse::from,
                customer -> uriOf(customer.id()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a customer",
            description = "Role: admin. The customer as registered.")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response find(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.okOrNotFound(customers.find(id), CustomerResponse::from);
    }

    @POST
    @Path("{id}/code-unlock")
    @Operation(summary = "Lift a customer's code locks",
            description = "Role: admin. Lifts the locks that wrong one-time codes put on the customer's user-terminal"
                    + " pairs, and starts their counts afresh.")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response codeUnlock(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.ok(authorizations.unlockCodes(id), CustomerResponse::from);
    }

    /** Where {@link #find} reads the customer back; relative, so JAX-RS resolves it against the API's base URI. */
    private static URI uriOf(String id) {
        return UriBuilder.fromResource(CustomersResource.class).path(CustomersResource.class, "find").build(id);
    }
}
