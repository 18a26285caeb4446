package dev.tillpoint.api.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
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

/** Customer: the caller's pending invitations into groups; accepting one is the only way to join a group. */
@Path("group-invitations")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class GroupInvitationsResource {

    @EJB
    private GroupService groups;

    @GET
    @Operation(summary = "My invitations", description = "Role: customer. Pending invitations, oldest first.")
    @APIResponse(responseCode = "200", description = "A page of the caller's invitations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationList.class)))
    public Response mine(@BeanParam PageParams page, @Context SecurityContext security) {
        String callerId = Callers.id(security);
        return ResultResponses.ok(page.toRequest().flatMap(request -> groups.invitationsOf(callerId, request)),
                InvitationList::from);
    }

    @POST
    @Path("{groupId}/accept")
    @Operation(summary = "Accept an invitation",
            description = "Role: customer, invited. The caller joins; their interactions count in the group from now on.")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response accept(
            @PathParam("groupId") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String groupId,
            @Context SecurityContext security) {
        return ResultResponses.ok(groups.accept(Callers.id(security), groupId), GroupResponse::from);
    }

    @POST
    @Path("{groupId}/decline")
    @Operation(summary = "Decline an invitation", description = "Role: customer, invited.")
    @APIResponse(responseCode = "204", description = "Declined")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response decline(
            @PathParam("groupId") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String groupId,
            @Context SecurityContext security) {
        return ResultResponses.noContent(groups.decline(Callers.id(security), groupId));
    }
}
