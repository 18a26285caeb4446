package dev.tillpoint.api.client;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Callers;
import dev.tillpoint.api.PageParams;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.Times;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.payments.PaymentHistory;
import dev.tillpoint.shared.Result;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer: the caller's payment history, what the phone syncs when back online. */
@Path("payments")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class PaymentsResource {

    private static final String SINCE = "since";

    @EJB
    private PaymentHistory history;

    @GET
    @Operation(summary = "My payment history",
            description = "Role: customer. The caller's payments, refunds and reversals from since on (inclusive),"
                    + " oldest first, one page at a time. Declines are not listed.")
    @APIResponse(responseCode = "200", description = "A page of the caller's history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentHistoryList.class)))
    public Response mine(
            @Parameter(description = "ISO-8601 UTC time ending in Z, years 1970-9999, inclusive, e.g. 2026-11-28T10:15:30Z;"
                    + " absent for everything",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam(SINCE) String since,
            @BeanParam PageParams page,
            @Context SecurityContext security) {
        String customerId = Callers.id(security);
        return ResultResponses.ok(parseSince(since)
                        .flatMap(from -> page.toRequest().flatMap(request -> history.historyOf(customerId,
                                from.orElse(null), request))),
                PaymentHistoryList::from);
    }

    private static Result<Optional<Instant>> parseSince(String since) {
        if (since == null) {
            return Result.ok(Optional.empty());
        }
        Optional<Instant> from = Times.parse(since);
        return from.isPresent() ? Result.ok(from) : Result.invalid(SINCE, Times.MESSAGE);
    }
}
