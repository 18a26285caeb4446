package dev.tillpoint.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** The single stored row (id 1) of the preset policy. */
@Entity
@Table(name = "feed_policy")
public class FeedPolicyRow {

    static final int ID = 1;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private int id;

    @Column(name = "min_interacting_members", nullable = false)
    private int minInteractingMembers;

    @Column(name = "window_hours", nullable = false)
    private int windowHours;

    @Column(name = "like_weight", nullable = false)
    private int likeWeight;

    @Column(name = "comment_weight", nullable = false)
    private int commentWeight;

    @Column(name = "share_weight", nullable = false)
    private int shareWeight;

    @Column(name = "min_score", nullable = false)
    private int minScore;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FeedPolicyRow() {
        // for JPA
    }

    FeedPolicy policy() {
        return new FeedPolicy(minInteractingMembers, windowHours, Map.of(InteractionType.LIKE, likeWeight,
                InteractionType.COMMENT, commentWeight, InteractionType.SHARE, shareWeight), minScore);
    }

    void replaceWith(FeedPolicy policy, Instant now) {
        minInteractingMembers = policy.minInteractingMembers();
        windowHours = policy.windowHours();
        likeWeight = policy.weightOf(InteractionType.LIKE);
        commentWeight = policy.weightOf(InteractionType.COMMENT);
        shareWeight = policy.weightOf(InteractionType.SHARE);
        minScore = policy.minScore();
        updatedAt = now;
    }
}
