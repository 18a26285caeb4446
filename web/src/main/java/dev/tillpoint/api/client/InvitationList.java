package dev.tillpoint.api.client;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.feed.InvitationView;
import dev.tillpoint.shared.Page;

/** A page of the caller's pending invitations; the views serialize as they are. */
@Schema(name = "InvitationList")
public record InvitationList(List<InvitationView> items, @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public InvitationList {
        items = List.copyOf(items);
    }

    static InvitationList from(Page<InvitationView> page) {
        return new InvitationList(page.items(), page.nextCursor().orElse(null));
    }
}
