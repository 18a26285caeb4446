package dev.tillpoint.feed;

import java.util.List;

/** A group with its members' ids and the ids invited and not yet answered, each in id order. */
public record GroupView(String id, String name, List<String> members, List<String> invited) {
    public GroupView {
        members = List.copyOf(members);
        invited = List.copyOf(invited);
    }
}
