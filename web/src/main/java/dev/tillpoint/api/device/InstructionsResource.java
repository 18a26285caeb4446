package dev.tillpoint.api.device;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Pattern;
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
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.beacons.DeviceInstructions;
import dev.tillpoint.beacons.InstructionView;

/** Device: a beacon's own pending instructions. The beacon is the token's principal. */
@Path("devices/me/instructions")
@ApplicationScoped
@RolesAllowed(Roles.DEVICE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_DEVICE)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class InstructionsResource {

    @EJB
    private DeviceInstructions instructions;

    /** One pending instruction. */
    @Schema(name = "Instruction")
    public record InstructionResponse(
            String instructionId,
            @Schema(enumeration = "BROADCAST") String type,
            Instant broadcastUntil) {

        static InstructionResponse from(InstructionView view) {
            return new InstructionResponse(view.instructionId(), view.type(), view.broadcastUntil());
        }
    }

    /** {@code {"items": [...]}}. */
    @Schema(name = "InstructionList")
    public record InstructionList(List<InstructionResponse> items) {
    }

    @GET
    @Operation(summary = "My pending instructions",
            description = "Role: device. Instructions not acknowledged and not past broadcastUntil; a new trigger"
                    + " replaces the earlier one.")
    @APIResponse(responseCode = "200", description = "The pending instructions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InstructionList.class)))
    public Response pending(@Context SecurityContext security) {
        String beaconId = Callers.id(security);
        return Response.ok(new InstructionList(
                instructions.pendingFor(beaconId).stream().map(InstructionResponse::from).toList())).build();
    }

    @POST
    @Path("{id}/ack")
    @Operation(summary = "Acknowledge an instruction", description = "Role: device. Idempotent.")
    @APIResponse(responseCode = "204", description = "Acknowledged")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response acknowledge(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @Context SecurityContext security) {
        return ResultResponses.noContent(instructions.acknowledge(Callers.id(security), id));
    }
}
