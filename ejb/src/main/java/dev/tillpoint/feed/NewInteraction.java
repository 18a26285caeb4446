package dev.tillpoint.feed;

/** An interaction with a post; {@code text} is required for a COMMENT and refused otherwise. */
public record NewInteraction(InteractionType type, String text) {
}
