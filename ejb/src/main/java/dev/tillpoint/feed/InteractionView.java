package dev.tillpoint.feed;

import java.time.Instant;

/** An accepted interaction: for a repeated LIKE or SHARE, the first one. */
public record InteractionView(String id, String postId, InteractionType type, Instant createdAt) {
}
