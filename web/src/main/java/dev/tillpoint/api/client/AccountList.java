package dev.tillpoint.api.client;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.customers.AccountView;
import dev.tillpoint.shared.Page;

/** A page of the caller's accounts, wrapped in an object as every list of the API is. */
@Schema(name = "AccountList")
public record AccountList(
        List<AccountSummary> items,
        @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public AccountList {
        items = List.copyOf(items);
    }

    static AccountList from(Page<AccountView> page) {
        return new AccountList(page.items().stream().map(AccountSummary::from).toList(),
                page.nextCursor().orElse(null));
    }
}
