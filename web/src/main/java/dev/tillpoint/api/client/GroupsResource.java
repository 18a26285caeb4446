package dev.tillpoint.api.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import dev.tillpoint.api.PageParams;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.feed.GroupService;

/** Customer: the caller's social groups. A group is visible to its members only; to anyone else it does not exist. */
@Path("groups")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class GroupsResource {

    @EJB
    private GroupService groups;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a group",
            description = "Role: customer. The caller is the only member; everyone else named is invited and joins"
                    + " only by accepting. Any well-formed id is invited alike, so the answer never tells who is a customer.")
    @APIResponse(responseCode = "201", description = "The group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupResponse.class)))
    public Response create(@NotNull @Valid NewGroupRequest request, @Context SecurityContext security) {
        return ResultResponses.created(groups.create(Callers.id(security), request.toCommand()), GroupResponse::from);
    }

    @GET
    @Operation(summary = "My groups",
            description = "Role: customer. The groups the caller is a member of, oldest first, one page at a time.")
    @APIResponse(responseCode = "200", description = "A page of the caller's groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupList.class)))
    public Response mine(@BeanParam PageParams page, @Context SecurityContext security) {
        String callerId = Callers.id(security);
        return ResultResponses.ok(page.toRequest().flatMap(request -> groups.groupsOf(callerId, request)), GroupList::from);
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite someone",
            description = "Role: customer, a member of the group. Inviting twice, or inviting a member, changes nothing.")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response invite(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @NotNull @Valid NewMemberRequest request, @Context SecurityContext security) {
        return ResultResponses.ok(groups.invite(Callers.id(security), id, request.userId()), GroupResponse::from);
    }

    @DELETE
    @Path("{id}/members/me")
    @Operation(summary = "Leave a group",
            description = "Role: customer, a member of the group. The caller's interactions stop counting in it.")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response leave(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @Context SecurityContext security) {
        return ResultResponses.noContent(groups.leave(Callers.id(security), id));
    }
}
