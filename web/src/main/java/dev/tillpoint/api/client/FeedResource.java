package dev.tillpoint.api.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.Callers;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.feed.FeedService;
import dev.tillpoint.shared.PageRequest;

/** Customer: the caller's feed. Pages hold 1..50 items (20 by default), unlike other lists. */
@Path("feed")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class FeedResource {

    @EJB
    private FeedService feed;

    @GET
    @Operation(summary = "My feed",
            description = "Role: customer. Posts of third accounts that meet the feed policy in any of the caller's"
                    + " groups, each once under the group where it scores highest, with that group's other members'"
                    + " interactions; ranked by rankScore = score / (ageHours + 2)^1.5. The cursor carries the first"
                    + " page's time and later pages rank as of then: nothing repeats or is skipped.")
    @APIResponse(responseCode = "200", description = "A page of the caller's feed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedList.class)))
    public Response mine(
            @QueryParam(PageRequest.LIMIT)
            @Parameter(description = "The most items on the page, 1 to " + FeedService.MAX_LIMIT + "; "
                    + FeedService.DEFAULT_LIMIT + " when absent. Anything else is a 400 naming limit.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + FeedService.MAX_LIMIT,
                            defaultValue = "" + FeedService.DEFAULT_LIMIT))
            String limit,
            @QueryParam(PageRequest.CURSOR)
            @Parameter(description = "The nextCursor of the previous page, as it was; absent for the first page."
                    + " Any other value is a 400 naming cursor.", schema = @Schema(type = SchemaType.STRING))
            String cursor,
            @Context SecurityContext security) {
        String viewerId = Callers.id(security);
        return ResultResponses.ok(PageRequest.parse(limit == null ? "" + FeedService.DEFAULT_LIMIT : limit, cursor,
                        FeedService.MAX_LIMIT).flatMap(request -> feed.feedOf(viewerId, request)), FeedList::from);
    }
}
