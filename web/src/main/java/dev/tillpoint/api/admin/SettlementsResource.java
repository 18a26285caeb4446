package dev.tillpoint.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.SettlementBatchList;
import dev.tillpoint.settlement.SettlementRun;

/** Admin: a settlement run on demand, the same as the nightly timer's. */
@Path("admin/settlements")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_ADMIN)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class SettlementsResource {

    @EJB
    private SettlementRun run;

    @POST
    @Operation(summary = "Run settlement now",
            description = "Role: admin. Settles every approved, unreversed payment and every refund not settled yet,"
                    + " up to now, into one batch per merchant and currency, and pays each batch's net out. Running"
                    + " it again settles nothing twice: with nothing left to settle the list is empty.")
    @APIResponse(responseCode = "201", description = "The batches written by this run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettlementBatchList.class)))
    public Response settle() {
        return Response.status(Response.Status.CREATED).entity(SettlementBatchList.of(run.settleNow())).build();
    }
}
