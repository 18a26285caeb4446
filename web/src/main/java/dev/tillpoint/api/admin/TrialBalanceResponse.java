package dev.tillpoint.api.admin;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.ledger.TrialBalance;

/**
 * The ledger's trial balance over all entries.
 *
 * @param balanced   whether debits equal credits in every currency
 * @param currencies the totals per currency
 */
@Schema(name = "TrialBalance")
public record TrialBalanceResponse(boolean balanced, List<CurrencyTotalsResponse> currencies) {

    public TrialBalanceResponse {
        currencies = List.copyOf(currencies);
    }

    static TrialBalanceResponse from(TrialBalance trialBalance) {
        return new TrialBalanceResponse(trialBalance.balanced(),
                trialBalance.currencies().stream().map(CurrencyTotalsResponse::from).toList());
    }
}
