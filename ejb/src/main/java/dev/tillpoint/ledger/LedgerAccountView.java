package dev.tillpoint.ledger;

/** A ledger account's totals as read; balance = credits - debits. */
public record LedgerAccountView(String id, LedgerAccountKind kind, String currency,
                                long debitsPostedMinor, long creditsPostedMinor) {

    public long balanceMinor() {
        return creditsPostedMinor - debitsPostedMinor;
    }
}
