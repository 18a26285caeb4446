package dev.tillpoint.ledger;

import java.util.Locale;

/** Whose money a ledger account holds. */
public enum LedgerAccountKind {
    /** A customer's card account; may never be overdrawn. */
    CUSTOMER("acc", true),
    /** A merchant's settlement account: credited by payments, debited by refunds and settlement. */
    MERCHANT("mst", false),
    /**
     * A terminal's clearing account: credited by the terminal's payments, debited by their refunds
     * and reversals, swept into the merchant's account by settlement. One per terminal, so the
     * merchant's account is not a hot row that every payment of a busy merchant must lock.
     */
    CLEARING("clr", false),
    /** The bank's source of opening balances, one per currency; goes negative as it funds. */
    BANK_FUNDING(null, false),
    /** Where settlements pay merchants out to, one per currency. */
    BANK_PAYOUT(null, false);

    private final String idPrefix;
    private final boolean debitsMustNotExceedCredits;

    LedgerAccountKind(String idPrefix, boolean debitsMustNotExceedCredits) {
        this.idPrefix = idPrefix;
        this.debitsMustNotExceedCredits = debitsMustNotExceedCredits;
    }

    /** Whether accounts of this kind refuse a debit that would take their balance below zero. */
    public boolean debitsMustNotExceedCredits() {
        return debitsMustNotExceedCredits;
    }

    /** Whether this is one of the bank's own per-currency accounts, which have fixed ids. */
    public boolean isBankAccount() {
        return idPrefix == null;
    }

    /** The fixed id of the bank's account of this kind in {@code currency}, e.g. {@code bank-funding-EUR}. */
    public String bankAccountId(String currency) {
        if (!isBankAccount()) {
            throw new IllegalArgumentException(this + " accounts have generated ids");
        }
        return "bank-" + name().substring("BANK_".length()).toLowerCase(Locale.ROOT) + "-" + currency;
    }

    /** The prefix of generated ids of this kind; bank accounts have none. */
    String idPrefix() {
        if (isBankAccount()) {
            throw new IllegalArgumentException(this + " accounts have fixed ids");
        }
        return idPrefix;
    }
}
