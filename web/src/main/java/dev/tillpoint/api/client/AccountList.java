package dev.tillpoint.api.client;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.customers.AccountView;

/** The caller's accounts, wrapped in an object as every list of the API is. */
@Schema(name = "AccountList")
public record AccountList(List<AccountSummary> items) {

    public AccountList {
        items = List.copyOf(items);
    }

    static AccountList from(List<AccountView> views) {
        return new AccountList(views.stream().map(AccountSummary::from).toList());
    }
}
