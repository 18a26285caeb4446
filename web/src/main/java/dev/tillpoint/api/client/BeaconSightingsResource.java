package dev.tillpoint.api.client;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import dev.tillpoint.api.BeaconPageBody;
import dev.tillpoint.api.Callers;
import dev.tillpoint.api.Roles;
import dev.tillpoint.api.problem.ResultResponses;
import dev.tillpoint.beacons.BeaconIds;
import dev.tillpoint.beacons.Sighting;
import dev.tillpoint.beacons.SightingAnswer;
import dev.tillpoint.beacons.SightingResolver;

/** Customer: a phone uploads the id it heard and is answered with the beacon's page. */
@Path("beacon-sightings")
@ApplicationScoped
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG_CLIENT)
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class BeaconSightingsResource {

    @Inject
    SightingResolver resolver;

    /** Body of {@code POST /beacon-sightings}: exactly one of beaconId and eid (the service decides). */
    @Schema(name = "BeaconSighting")
    public record SightingRequest(
            @Schema(description = "Eddystone-UID, 32 hex; or give eid", pattern = BeaconIds.REGEX)
            @Pattern(regexp = BeaconIds.REGEX, message = BeaconIds.MESSAGE)
            String beaconId,

            @Schema(description = "Eddystone EID, 16 hex; or give beaconId", pattern = "[0-9A-Fa-f]{16}")
            @Pattern(regexp = "[0-9A-Fa-f]{16}", message = "must be an Eddystone EID: 16 hex characters")
            String eid,

            @Schema(description = "dBm; required for BLE", minimum = "-127", maximum = "20", examples = "-65")
            @Min(-127)
            @Max(20)
            Integer rssi,

            @Schema(description = "Default BLE", enumeration = {"BLE", "NFC", "ACOUSTIC"})
            @Pattern(regexp = "BLE|NFC|ACOUSTIC", message = "must be BLE, NFC or ACOUSTIC")
            String channel) {

        Sighting toSighting() {
            return new Sighting(beaconId, eid, rssi, channel);
        }
    }

    /** A resolved sighting. */
    @Schema(name = "BeaconSightingResolved")
    public record SightingResponse(
            String beaconId,
            @Schema(description = "Estimated distance in meters, 2 decimals", examples = "1.99") BigDecimal distanceMeters,
            BeaconPageBody page) {

        static SightingResponse from(SightingAnswer answer) {
            return new SightingResponse(answer.beaconId(), answer.distanceMeters(), BeaconPageBody.from(answer.page()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve a beacon sighting",
            description = "Role: customer. The page bound to the beacon when it is broadcasting and the phone is"
                    + " within its preset distance (log-distance path loss from rssi and txPower, exponent 2).")
    @APIResponse(responseCode = "200", description = "The beacon's page and the estimated distance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SightingResponse.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.BEACON_NOT_FOUND)
    @APIResponse(responseCode = "422", ref = ApiDocs.OUT_OF_RANGE)
    public Response resolve(@NotNull @Valid SightingRequest request, @Context SecurityContext security) {
        return ResultResponses.ok(resolver.resolve(Callers.id(security), request.toSighting()), SightingResponse::from);
    }
}
