package dev.tillpoint.beacons;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A beacon's sighting statistics, created with the beacon. Counted by {@link SightingStatistics}
 * with single SQL updates (no read-modify-write), read through this entity.
 */
@Entity
@Table(name = "beacon_stats")
public class BeaconStats {

    @Id
    @Column(name = "beacon_id", length = 32, nullable = false, updatable = false)
    private String beaconId;

    @Column(name = "sightings", nullable = false)
    private long sightings;

    @Column(name = "unique_visitors", nullable = false)
    private long uniqueVisitors;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected BeaconStats() {
        // for JPA
    }

    BeaconStats(String beaconId) {
        this.beaconId = beaconId;
    }

    BeaconStatsView view() {
        return new BeaconStatsView(sightings, uniqueVisitors, lastSeenAt);
    }
}
