package dev.tillpoint.ledger;

/**
 * One currency of the trial balance: the debits and credits posted to all its ledger accounts,
 * and the sum of its transfers, which each side must equal.
 */
public record CurrencyTotals(String currency, long debitsMinor, long creditsMinor, long transferredMinor) {

    public boolean balanced() {
        return debitsMinor == creditsMinor && debitsMinor == transferredMinor;
    }
}
