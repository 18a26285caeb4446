package dev.tillpoint.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.settlement.SettlementBatchView;
import dev.tillpoint.shared.Page;

/** Settlement batches, wrapped in an object as every list of the API is. */
@Schema(name = "SettlementBatchList")
public record SettlementBatchList(
        List<SettlementBatchResponse> items,
        @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public SettlementBatchList {
        items = List.copyOf(items);
    }

    public static SettlementBatchList from(Page<SettlementBatchView> page) {
        return new SettlementBatchList(page.items().stream().map(SettlementBatchResponse::from).toList(),
                page.nextCursor().orElse(null));
    }

    /** The batches of one run: all of them, so no cursor. */
    public static SettlementBatchList of(List<SettlementBatchView> batches) {
        return new SettlementBatchList(batches.stream().map(SettlementBatchResponse::from).toList(), null);
    }
}
