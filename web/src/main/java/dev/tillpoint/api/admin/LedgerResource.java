package dev.tillpoint.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Roles;
import dev.tillpoint.ledger.Ledger;

/** Admin: the ledger's health, the check that every posting sums to zero. */
@Path("admin/ledger")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_ADMIN)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class LedgerResource {

    @EJB
    private Ledger ledger;

    @GET
    @Path("trial-balance")
    @Operation(summary = "Trial balance",
            description = "Role: admin. Debit and credit totals over all ledger entries, per currency;"
                    + " balanced when they are equal in every currency.")
    @APIResponse(responseCode = "200", description = "The trial balance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrialBalanceResponse.class)))
    public TrialBalanceResponse trialBalance() {
        return TrialBalanceResponse.from(ledger.trialBalance());
    }
}
