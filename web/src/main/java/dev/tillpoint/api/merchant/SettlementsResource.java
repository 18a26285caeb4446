package dev.tillpoint.api.merchant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Callers;
import dev.tillpoint.api.InputRules;
import dev.tillpoint.api.PageParams;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.SettlementBatchList;
import dev.tillpoint.api.SettlementBatchResponse;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.settlement.SettlementFile;
import dev.tillpoint.settlement.SettlementService;

/** Merchant: the caller's own settlement batches and their files. Another merchant's batch is a 404. */
@Path("merchant/settlements")
@ApplicationScoped
@RolesAllowed(Roles.MERCHANT)
@Tag(name = ApiDocs.TAG_MERCHANT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class SettlementsResource {

    static final String TEXT_CSV = "text/csv";

    @EJB
    private SettlementService settlements;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My settlements",
            description = "Role: merchant. The caller's settlement batches, oldest first, one page at a time.")
    @APIResponse(responseCode = "200", description = "A page of the caller's batches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettlementBatchList.class)))
    public Response mine(@BeanParam PageParams page, @Context SecurityContext security) {
        String merchantId = Callers.id(security);
        return ResultResponses.ok(page.toRequest().flatMap(request -> settlements.batchesOf(merchantId, request)),
                SettlementBatchList::from);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One of my settlements",
            description = "Role: merchant. The batch's figures; ask with Accept: text/csv for its settlement file.")
    @APIResponse(responseCode = "200", description = "The batch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettlementBatchResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response find(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @Context SecurityContext security) {
        return ResultResponses.okOrNotFound(settlements.batchOf(Callers.id(security), id), SettlementBatchResponse::from);
    }

    @GET
    @Path("{id}")
    @Produces(TEXT_CSV)
    @Operation(summary = "The settlement file of one of my settlements",
            description = "Role: merchant. CSV (RFC 4180) with the header type,id,paymentId,terminalId,orderId,amount,"
                    + "currency,createdAt and one row per payment and refund; amounts are never negative, the type"
                    + " gives the sign. Cells a spreadsheet would take for a formula start with an apostrophe.")
    @APIResponse(responseCode = "200", description = "The settlement file",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response file(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @Context SecurityContext security) {
        return ResultResponses.okOrNotFound(settlements.linesOf(Callers.id(security), id), SettlementFile::csv);
    }
}
