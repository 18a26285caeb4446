package dev.tillpoint.api.client;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.payments.HistoryEntry;
import dev.tillpoint.shared.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the caller's payment history, oldest first. */
@Schema(name = "PaymentHistoryList")
public record PaymentHistoryList(
        List<PaymentHistoryItem> items,
        @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public PaymentHistoryList {
        items = List.copyOf(items);
    }

    static PaymentHistoryList from(Page<HistoryEntry> page) {
        return new PaymentHistoryList(page.items().stream().map(PaymentHistoryItem::from).toList(),
                page.nextCursor().orElse(null));
    }
}
