package dev.tillpoint.api.admin;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.api.BeaconPageBody;
import dev.tillpoint.api.InputRules;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.beacons.BeaconRegistry;
import dev.tillpoint.beacons.DeviceInstructions;
import dev.tillpoint.beacons.SightingStatistics;

/** Admin: the beacon registry, bound pages, triggers and sighting statistics. */
@Path("admin/beacons")
@ApplicationScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_ADMIN)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class BeaconsResource {

    @EJB
    private BeaconRegistry registry;

    @EJB
    private DeviceInstructions instructions;

    @EJB
    private SightingStatistics statistics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a beacon",
            description = "Role: admin. An Eddystone-UID beacon with its preset distance, calibrated txPower,"
                    + " channels and bound https page; with eid, an Eddystone-EID beacon resolved only by its"
                    + " rotating ephemeral id. The identity key is never returned.")
    @APIResponse(responseCode = "201", description = "The registered beacon",
            headers = @Header(name = ApiDocs.LOCATION, description = ApiDocs.LOCATION_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BeaconResponse.class)))
    @APIResponse(responseCode = "409", ref = ApiDocs.DUPLICATE)
    @APIResponse(responseCode = "422", ref = ApiDocs.UNKNOWN_REFERENCE)
    public Response register(@NotNull @Valid NewBeaconRequest request) {
        return ResultResponses.created(registry.register(request.toCommand()), BeaconResponse::from,
                beacon -> uriOf(beacon.id()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a beacon", description = "Role: admin. The beacon, active or not; never its identity key.")
    @APIResponse(responseCode = "200", description = "The beacon",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BeaconResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response find(@PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.okOrNotFound(registry.find(id), BeaconResponse::from);
    }

    @PUT
    @Path("{id}/page")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a beacon's page",
            description = "Role: admin. The next sighting is answered with the new page.")
    @APIResponse(responseCode = "200", description = "The beacon with its new page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BeaconResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response replacePage(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @NotNull @Valid BeaconPageBody page) {
        return ResultResponses.ok(registry.replacePage(id, page.toPage()), BeaconResponse::from);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deactivate a beacon",
            description = "Role: admin. Never resolved again and no more instructions; its history is kept.")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response deactivate(@PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.noContent(registry.deactivate(id));
    }

    @POST
    @Path("{id}/trigger")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trigger a beacon",
            description = "Role: admin. The beacon counts as broadcasting from now until broadcastUntil (replacing"
                    + " any earlier window); the instruction reaches the device through JMS.")
    @APIResponse(responseCode = "202", description = "The instruction is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TriggerResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response trigger(
            @PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id,
            @NotNull @Valid TriggerRequest request) {
        return ResultResponses.accepted(instructions.trigger(id, request.durationSeconds()), TriggerResponse::from);
    }

    @GET
    @Path("{id}/stats")
    @Operation(summary = "A beacon's sighting statistics",
            description = "Role: admin. Sightings, unique visitors (distinct customers) and the last sighting;"
                    + " counted asynchronously, so a sighting shows here shortly after it was made.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BeaconStatsResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response stats(@PathParam("id") @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String id) {
        return ResultResponses.okOrNotFound(statistics.of(id), BeaconStatsResponse::from);
    }

    private static URI uriOf(String id) {
        return UriBuilder.fromResource(BeaconsResource.class).path(BeaconsResource.class, "find").build(id);
    }
}
