package dev.tillpoint.ledger;

import java.util.Comparator;
import java.util.List;

/**
 * The trial balance: per currency, the debits and credits posted over all ledger accounts.
 * Balanced when, in every currency, they are equal to each other and to the sum of the transfers
 * (an empty ledger is balanced).
 */
public record TrialBalance(boolean balanced, List<CurrencyTotals> currencies) {

    public TrialBalance {
        currencies = List.copyOf(currencies);
    }

    /** The trial balance of {@code totals}, sorted by currency, with {@code balanced} derived from them. */
    public static TrialBalance of(List<CurrencyTotals> totals) {
        List<CurrencyTotals> sorted = totals.stream().sorted(Comparator.comparing(CurrencyTotals::currency)).toList();
        return new TrialBalance(sorted.stream().allMatch(CurrencyTotals::balanced), sorted);
    }
}
