package dev.tillpoint.api.client;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.feed.MediaKind;
import dev.tillpoint.feed.PostView;

/** A post; {@code summary} only when it has one. */
@Schema(name = "Post")
public record PostResponse(String id, String authorId, MediaKind mediaType, String title, String url, String summary,
        Instant createdAt) {

    static PostResponse from(PostView view) {
        return new PostResponse(view.id(), view.authorId(), view.mediaType(), view.title(), view.url(), view.summary(),
                view.createdAt());
    }
}
