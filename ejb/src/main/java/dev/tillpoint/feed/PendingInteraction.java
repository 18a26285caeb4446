package dev.tillpoint.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An interaction stored and not yet aggregated: written with the interaction, deleted by the
 * aggregation batch that takes it ({@link FeedAggregation}). Mapped so that a batch can be taken
 * with the database's row locks (skipping rows another consumer holds, where the database can).
 */
@Entity
@Table(name = "feed_pending_interactions")
public class PendingInteraction {

    @Id
    @Column(name = "interaction_id", length = 64, nullable = false, updatable = false)
    private String interactionId;

    @Column(name = "enqueued_at", nullable = false, updatable = false)
    private Instant enqueuedAt;

    protected PendingInteraction() {
        // for JPA
    }

    String interactionId() {
        return interactionId;
    }
}
