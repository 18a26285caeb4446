package dev.tillpoint.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * One member's contribution to one post in one group: when each interaction type was first used,
 * and the latest of those times. Written by {@link Contributions} in SQL, read by the feed's
 * aggregate query; mapped so that the schema is validated and bulk deletes can name it. First-use times never move once an interaction is aggregated
 * (only an older interaction aggregated late moves one back), so "what had this member done by
 * time T" is exact for any T: what keeps a feed's later pages ranked as its first was.
 */
@Entity
@Table(name = "feed_contributions")
@IdClass(Contribution.Key.class)
public class Contribution {

    @Id
    @Column(name = "group_id", length = 64, nullable = false, updatable = false)
    private String groupId;

    @Id
    @Column(name = "post_id", length = 64, nullable = false, updatable = false)
    private String postId;

    @Id
    @Column(name = "member_id", length = 64, nullable = false, updatable = false)
    private String memberId;

    @Column(name = "liked_at")
    private Instant likedAt;

    @Column(name = "commented_at")
    private Instant commentedAt;

    @Column(name = "shared_at")
    private Instant sharedAt;

    @Column(name = "latest_at")
    private Instant latestAt;

    protected Contribution() {
        // for JPA
    }

    /** The composite key. */
    public record Key(String groupId, String postId, String memberId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
