package dev.tillpoint.ledger;

/** Why money moved. All values exist from the first migration so later features need no schema change. */
public enum TransferKind {
    /** From the bank's funding account to a newly opened customer account. */
    OPENING_BALANCE,
    /** From a customer account to a merchant account. */
    PAYMENT,
    /** From a merchant account back to a customer account. */
    REFUND,
    /** Undoes a payment: from the merchant account back to the customer account. */
    REVERSAL,
    /** A settlement batch's net, between a merchant account and the bank's payout account. */
    SETTLEMENT
}
