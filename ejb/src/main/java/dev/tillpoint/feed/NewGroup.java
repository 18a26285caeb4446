package dev.tillpoint.feed;

import java.util.List;

/** Creates a group; the caller becomes a member besides {@code members} (null: nobody else). */
public record NewGroup(String name, List<String> members) {
}
