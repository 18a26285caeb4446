package dev.tillpoint.api.client;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.payments.OfflineAuthorizationView;
import dev.tillpoint.shared.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the caller's offline authorizations, without secrets. */
@Schema(name = "OfflineAuthorizationList")
public record OfflineAuthorizationList(
        List<OfflineAuthorizationResponse> items,
        @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public OfflineAuthorizationList {
        items = List.copyOf(items);
    }

    static OfflineAuthorizationList from(Page<OfflineAuthorizationView> page) {
        return new OfflineAuthorizationList(page.items().stream().map(OfflineAuthorizationResponse::from).toList(),
                page.nextCursor().orElse(null));
    }
}
