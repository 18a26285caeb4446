package dev.tillpoint.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.feed.FeedPolicyService;

/** Admin: the feed's preset policy, one for the whole server. */
@Path("admin/feed-policy")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_ADMIN)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class FeedPolicyResource {

    @EJB
    private FeedPolicyService policies;

    @GET
    @Operation(summary = "Read the feed policy", description = "Role: admin. The policy every feed read applies.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPolicyBody.class)))
    public Response current() {
        return Response.ok(FeedPolicyBody.from(policies.current())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the feed policy",
            description = "Role: admin. Applies to the next feed read; no stored aggregate is rewritten.")
    @APIResponse(responseCode = "200", description = "The policy now in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPolicyBody.class)))
    public Response replace(@NotNull @Valid FeedPolicyBody request) {
        return ResultResponses.ok(request.toPolicy().map(policies::replace), FeedPolicyBody::from);
    }
}
