package dev.tillpoint.api.client;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.feed.GroupView;

/** A group with its members' ids and the ids invited who have not answered yet. */
@Schema(name = "Group")
public record GroupResponse(String id, String name, List<String> members, List<String> invited) {

    static GroupResponse from(GroupView view) {
        return new GroupResponse(view.id(), view.name(), view.members(), view.invited());
    }
}
