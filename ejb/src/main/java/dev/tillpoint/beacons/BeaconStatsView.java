package dev.tillpoint.beacons;

import java.time.Instant;

/** A beacon's sighting statistics; {@code lastSeenAt} null before the first sighting. */
public record BeaconStatsView(long sightings, long uniqueVisitors, Instant lastSeenAt) {
}
