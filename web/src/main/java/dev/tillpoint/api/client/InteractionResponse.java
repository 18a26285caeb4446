package dev.tillpoint.api.client;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.feed.InteractionType;
import dev.tillpoint.feed.InteractionView;

/** An accepted interaction. */
@Schema(name = "Interaction")
public record InteractionResponse(String id, String postId, InteractionType type, Instant createdAt) {

    static InteractionResponse from(InteractionView view) {
        return new InteractionResponse(view.id(), view.postId(), view.type(), view.createdAt());
    }
}
