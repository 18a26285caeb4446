package dev.tillpoint.feed;

import java.time.Instant;

/** A post as the API shows it; {@code summary} may be null. */
public record PostView(String id, String authorId, MediaKind mediaType, String title, String url, String summary,
        Instant createdAt) {
}
