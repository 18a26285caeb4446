package dev.tillpoint.api.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.feed.InteractionService;
import dev.tillpoint.feed.PostService;

/** Customer: propagating media and interacting with it. */
@Path("posts")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class PostsResource {

    @EJB
    private PostService posts;

    @EJB
    private InteractionService interactions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a post",
            description = "Role: customer. The caller is the author: a third account to every group they are not in.")
    @APIResponse(responseCode = "201", description = "The post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    public Response publish(@NotNull @Valid NewPostRequest request, @Context SecurityContext security) {
        return ResultResponses.created(posts.publish(Callers.id(security), request.toCommand()), PostResponse::from);
    }

    @POST
    @Path("{id}/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Interact with a post",
            description = "Role: customer. Stored at once; the groups' feeds take it through JMS within about a"
                    + " second. A LIKE or SHARE repeated by the caller changes nothing (the answer is the first one).")
    @APIResponse(responseCode = "202", description = "The interaction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InteractionResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response interact(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @NotNull @Valid NewInteractionRequest request, @Context SecurityContext security) {
        return ResultResponses.accepted(interactions.interact(Callers.id(security), id, request.toCommand()),
                InteractionResponse::from);
    }
}
