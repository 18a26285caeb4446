package dev.tillpoint.feed;

/** Propagates media; {@code summary} is optional. */
public record NewPost(MediaKind mediaType, String title, String url, String summary) {
}
