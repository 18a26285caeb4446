package dev.tillpoint.beacons;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An instruction the trigger listener delivered to a device. Inserted by the listener with
 * insert-on-conflict-do-nothing (its id is the trigger's), so this entity only reads and acknowledges.
 */
@Entity
@Table(name = "beacon_instructions")
public class BeaconInstruction {

    static final String BROADCAST = "BROADCAST";

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "beacon_id", length = 32, nullable = false, updatable = false)
    private String beaconId;

    @Column(name = "type", length = 16, nullable = false, updatable = false)
    private String type;

    @Column(name = "broadcast_until", nullable = false, updatable = false)
    private Instant broadcastUntil;

    @Column(name = "delivered_at", nullable = false, updatable = false)
    private Instant deliveredAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    protected BeaconInstruction() {
        // for JPA
    }

    boolean belongsTo(String beaconId) {
        return this.beaconId.equals(beaconId);
    }

    /** Idempotent: a second acknowledgement keeps the first time. */
    void acknowledge(Instant now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = Objects.requireNonNull(now, "now");
        }
    }

    InstructionView view() {
        return new InstructionView(id, type, broadcastUntil);
    }
}
