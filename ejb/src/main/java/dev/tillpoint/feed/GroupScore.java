package dev.tillpoint.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * What one group's aggregates say about one post as of a read: how many members (other than the
 * viewer) contributed inside the window, their weighted score, and the latest first use of an
 * interaction type among them (when the post's score in the group last grew).
 */
public record GroupScore(String groupId, String postId, long interactingMembers, long score, Instant latestAt) {
    public GroupScore {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(latestAt, "latestAt");
    }
}
