package dev.tillpoint.feed;

import dev.tillpoint.shared.CreationOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A pending invitation into a group. The invitee is any well-formed id (no reference to
 * customers): an id that is no customer is invited the same way and never joins. Accepting or
 * declining removes it; so does the invitee joining otherwise.
 */
@Entity
@Table(name = "feed_group_invitations")
public class GroupInvitation {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "group_id", length = 64, nullable = false, updatable = false)
    private String groupId;

    @Column(name = "invitee_id", length = 64, nullable = false, updatable = false)
    private String inviteeId;

    @Column(name = "invited_by", length = 64, nullable = false, updatable = false)
    private String invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected GroupInvitation() {
        // for JPA
    }

    String groupId() {
        return groupId;
    }

    String inviteeId() {
        return inviteeId;
    }

    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }

    InvitationView view(String groupName) {
        return new InvitationView(groupId, groupName, invitedBy, createdAt);
    }
}
