package dev.tillpoint.ledger;

/**
 * What posting a transfer came to. Insufficient funds is an expected answer (the payment feature
 * turns it into {@code INSUFFICIENT_FUNDS}), so it is a value, not an exception; it can only be
 * decided under the ledger's lock, which is why the ledger and not its callers decides it.
 */
public sealed interface PostingOutcome {

    /** The transfer was posted; both accounts' totals include it once the transaction commits. */
    record Posted(TransferView transfer) implements PostingOutcome {
    }

    /** Nothing was posted: the debit would have overdrawn an account that must not be overdrawn. */
    record InsufficientFunds(String debitAccountId) implements PostingOutcome {
    }
}
