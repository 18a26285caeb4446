package dev.tillpoint.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.merchants.TerminalView;
import dev.tillpoint.shared.Page;

/** A page of terminals, wrapped in an object as every list of the API is. */
@Schema(name = "TerminalList")
public record TerminalList(
        List<TerminalResponse> items,
        @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public TerminalList {
        items = List.copyOf(items);
    }

    public static TerminalList from(Page<TerminalView> page) {
        return new TerminalList(page.items().stream().map(TerminalResponse::from).toList(),
                page.nextCursor().orElse(null));
    }
}
