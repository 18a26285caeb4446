package dev.tillpoint.api.admin;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.BeaconPageBody;
import dev.tillpoint.beacons.BeaconView;
import dev.tillpoint.beacons.Channel;

/** A registered beacon; never its identity key. */
@Schema(name = "Beacon")
public record BeaconResponse(
        @Schema(description = "Eddystone-UID, lower-case hex") String id,
        String merchantId,
        double presetDistanceMeters,
        int txPower,
        List<Channel> channels,
        BeaconPageBody page,
        @Schema(description = "Present for an Eddystone-EID beacon") Eid eid,
        @Schema(description = "false once deactivated") boolean active,
        @Schema(description = "End of the last trigger's broadcast window") Instant broadcastUntil) {

    /** An EID beacon's public settings: its rotation exponent only. */
    @Schema(name = "BeaconEid")
    public record Eid(int rotationExponent) {
    }

    static BeaconResponse from(BeaconView view) {
        return new BeaconResponse(view.id(), view.merchantId(), view.presetDistanceMeters(), view.txPower(),
                view.channels(), BeaconPageBody.from(view.page()),
                view.eidRotationExponent() == null ? null : new Eid(view.eidRotationExponent()),
                view.active(), view.broadcastUntil());
    }
}
