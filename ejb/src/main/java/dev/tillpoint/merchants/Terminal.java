package dev.tillpoint.merchants;

import dev.tillpoint.shared.CreationOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A merchant's POS terminal; its id is the subject of the terminal's POS token. */
@Entity
@Table(name = "terminals")
public class Terminal {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "merchant_id", length = 64, nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    protected Terminal() {
        // for JPA
    }

    Terminal(String id, String merchantId, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.active = true;
    }

    /** Stops the terminal taking payments; a second call keeps the first deactivation time. */
    void deactivate(Instant now) {
        if (active) {
            active = false;
            deactivatedAt = Objects.requireNonNull(now, "now");
        }
    }

    boolean belongsTo(String merchantId) {
        return this.merchantId.equals(merchantId);
    }

    boolean isActive() {
        return active;
    }

    Instant deactivatedAt() {
        return deactivatedAt;
    }

    /** Where the terminal stands in its merchant's list, oldest first. */
    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }

    TerminalView view() {
        return new TerminalView(id, merchantId, active);
    }
}
