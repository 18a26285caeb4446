package dev.tillpoint.api.client;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.feed.GroupView;
import dev.tillpoint.shared.Page;

/** A page of the caller's groups. */
@Schema(name = "GroupList")
public record GroupList(List<GroupResponse> items, @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public GroupList {
        items = List.copyOf(items);
    }

    static GroupList from(Page<GroupView> page) {
        return new GroupList(page.items().stream().map(GroupResponse::from).toList(), page.nextCursor().orElse(null));
    }
}
