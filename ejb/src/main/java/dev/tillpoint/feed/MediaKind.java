package dev.tillpoint.feed;

/** What a post carries (DESIGN.md "Social feed": {@code mediaType}). */
public enum MediaKind {
    ARTICLE, IMAGE, VIDEO, AUDIO
}
