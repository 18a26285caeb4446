package dev.tillpoint.ledger;

/** The sums of debits and credits posted to all ledger accounts of one currency. */
public record CurrencyTotals(String currency, long debitsMinor, long creditsMinor) {

    public boolean balanced() {
        return debitsMinor == creditsMinor;
    }
}
