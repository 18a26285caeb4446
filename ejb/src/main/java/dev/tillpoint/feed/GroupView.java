package dev.tillpoint.feed;

import java.util.List;

/** A group with its members' ids, in id order. */
public record GroupView(String id, String name, List<String> members) {
    public GroupView {
        members = List.copyOf(members);
    }
}
