package dev.tillpoint.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One customer's membership of one group. */
@Entity
@Table(name = "feed_group_members")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    @Id
    @Column(name = "group_id", length = 64, nullable = false, updatable = false)
    private String groupId;

    @Id
    @Column(name = "member_id", length = 64, nullable = false, updatable = false)
    private String memberId;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    protected GroupMember() {
        // for JPA
    }

    GroupMember(String groupId, String memberId, Instant joinedAt) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** The composite key. */
    public record Key(String groupId, String memberId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
