package dev.tillpoint.beacons;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One trigger of a beacon: the broadcast window it opened. Its id is its instruction's id. */
@Entity
@Table(name = "beacon_triggers")
public class BeaconTrigger {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "beacon_id", length = 32, nullable = false, updatable = false)
    private String beaconId;

    @Column(name = "broadcast_until", nullable = false, updatable = false)
    private Instant broadcastUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected BeaconTrigger() {
        // for JPA
    }

    BeaconTrigger(String id, String beaconId, Instant broadcastUntil, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.beaconId = Objects.requireNonNull(beaconId, "beaconId");
        this.broadcastUntil = Objects.requireNonNull(broadcastUntil, "broadcastUntil");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    String beaconId() {
        return beaconId;
    }

    Instant broadcastUntil() {
        return broadcastUntil;
    }
}
