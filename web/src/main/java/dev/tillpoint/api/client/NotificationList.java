package dev.tillpoint.api.client;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.notifications.NotificationView;
import dev.tillpoint.shared.Page;

/** A page of the caller's notifications. */
@Schema(name = "NotificationList")
public record NotificationList(
        List<NotificationItem> items,
        @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public NotificationList {
        items = List.copyOf(items);
    }

    static NotificationList from(Page<NotificationView> page) {
        return new NotificationList(page.items().stream().map(NotificationItem::from).toList(),
                page.nextCursor().orElse(null));
    }
}
