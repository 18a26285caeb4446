package dev.tillpoint.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored interaction: the fact the aggregates derive from. Written by a native insert (so a
 * repeated LIKE or SHARE is skipped without aborting the transaction), read through this mapping.
 */
@Entity
@Table(name = "feed_interactions")
public class Interaction {

    static final int MAX_TEXT_LENGTH = 1_000;

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "post_id", length = 64, nullable = false, updatable = false)
    private String postId;

    @Column(name = "user_id", length = 64, nullable = false, updatable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 8, nullable = false, updatable = false)
    private InteractionType type;

    @Column(name = "repeat_key", length = 8, updatable = false)
    private String repeatKey;

    @Column(name = "text", length = MAX_TEXT_LENGTH, updatable = false)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Interaction() {
        // for JPA
    }

    InteractionView view() {
        return new InteractionView(id, postId, type, createdAt);
    }

    Contributions.Taken taken() {
        return new Contributions.Taken(id, postId, userId, type, text, createdAt);
    }

    FeedItem.Shown shown() {
        return new FeedItem.Shown(userId, type, text, createdAt);
    }
}
