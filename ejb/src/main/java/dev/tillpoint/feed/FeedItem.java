package dev.tillpoint.feed;

import java.time.Instant;
import java.util.List;

/**
 * One post of a viewer's feed, under the group where it scores highest.
 *
 * @param interactionCount how many interactions of that group's other members there are in the
 *                         window; {@code interactions} lists the newest of them only
 */
public record FeedItem(String groupId, PostView post, long score, double rankScore, long interactionCount,
        List<Shown> interactions) {

    public FeedItem {
        interactions = List.copyOf(interactions);
    }

    /** An interaction as the feed shows it; {@code text} only for a comment. */
    public record Shown(String userId, InteractionType type, String text, Instant at) {
    }
}
