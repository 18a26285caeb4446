package dev.tillpoint.api.admin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.beacons.BeaconStatsView;

/** A beacon's sighting statistics, counted asynchronously from the sightings. */
@Schema(name = "BeaconStats")
public record BeaconStatsResponse(
        long sightings,
        @Schema(description = "Distinct customers") long uniqueVisitors,
        @Schema(description = "Absent before the first sighting") Instant lastSeenAt) {

    static BeaconStatsResponse from(BeaconStatsView view) {
        return new BeaconStatsResponse(view.sightings(), view.uniqueVisitors(), view.lastSeenAt());
    }
}
