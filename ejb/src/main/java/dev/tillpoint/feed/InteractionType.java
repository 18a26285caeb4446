package dev.tillpoint.feed;

/** How a member interacted with a post. A LIKE or SHARE counts once per user and post; comments repeat. */
public enum InteractionType {
    LIKE, COMMENT, SHARE;

    /** Whether a second one by the same user on the same post changes nothing. */
    public boolean oncePerUser() {
        return this != COMMENT;
    }
}
