/**
 * Offline payments (DESIGN.md "Offline payments"): the customer's first approval (an offline
 * authorization with its code secret and limits), the POS's second approval (a payment matched by
 * a one-time code), refunds, reversals, and the history the phone syncs.
 *
 * <p>The POS path, top to bottom (one JTA transaction per request, begun by {@link
 * dev.tillpoint.payments.PosPayments}, the only EJB on it; everything it calls is a plain CDI bean):
 * the POS filter resolves the caller once ({@link dev.tillpoint.payments.PosTerminals}: terminal,
 * merchant, currency, clearing account, cached at most 2 s and dropped at once on this server when
 * the terminal is deactivated); Bean Validation has checked the command's shape
 * ({@link dev.tillpoint.payments.PaymentCommand}); then the idempotency key
 * ({@link dev.tillpoint.payments.IdempotencyKeys}), the code locks
 * ({@link dev.tillpoint.payments.CodeLockouts}), the code match
 * ({@link dev.tillpoint.payments.CodeMatcher}), the authorization under its lock, the decline order
 * ({@link dev.tillpoint.payments.PaymentRules}, a pure function), the ledger posting
 * ({@link dev.tillpoint.ledger.Postings}) and the writes, committed together with the key's stored
 * answer and the outbox event ({@link dev.tillpoint.messaging.OutboxWriter}).
 *
 * <p>The path speaks plain JDBC: {@code PosPayments} takes the JTA transaction's connection once
 * and hands it down, and every statement is a targeted PreparedStatement (no entity loaded, no
 * persistence context opened). An approval is 13 statements and the commit: the key's try-lock and
 * row, the code-lock rows, the code's candidates, the authorization under its lock, its step's
 * declines with the balance, the debit, the credit, the transfer, the authorization's update, the
 * payment, the key's answer, the event. The entities ({@link dev.tillpoint.payments.Payment} and
 * the others) map the same tables for the JPA readers (history, settlement, admin).
 *
 * <p>Invariants, each also held by the database (V10 constraints on both databases, V10_1
 * triggers on PostgreSQL):
 * <ul>
 *   <li>A payment moves its amount from the customer's account to its terminal's clearing account
 *       through the ledger, in the transaction that records it; a decline is recorded and moves no
 *       money. What was approved never changes.</li>
 *   <li>A code step pays at most once per authorization and never one older than the newest used
 *       ({@code last_used_step} only grows; unique (authorization, step) on payments). A decline
 *       does not use up its step, but a step collects at most three declines among currency,
 *       limit and funds (counted from the declines that carry their step, under the
 *       authorization's lock); the next use of that step is {@code CODE_REUSED}, and the newest-used
 *       mark does not move.</li>
 *   <li>An authorization's spent amount stays within its total limit and each payment within its
 *       per-transaction limit; a reversal gives the amount back, a refund does not.</li>
 *   <li>A payment is reversed at most once, only while unsettled and unrefunded; a reversed payment
 *       is never refunded nor settled. Refunds in total never exceed the payment.</li>
 *   <li>Every POS write is idempotent by (terminal, Idempotency-Key): the key's answer is stored in
 *       the transaction that made it (primary key of the keys, unique keys of payments and refunds);
 *       a running duplicate is refused at once by a transaction-scoped try-lock, which dies with its
 *       transaction, so a crash leaves nothing to release.</li>
 *   <li>Code lockouts per user-terminal pair (5 wrong codes in 10 minutes) and per terminal (50),
 *       never user-wide; counted exactly, one wrong code at a time, on the lock rows.</li>
 *   <li>Code matching costs the same whoever the user is (a fixed number of candidates, decoys
 *       included), so its time tells nothing about the user's authorizations.</li>
 *   <li>Locks are taken in one order: the key's try-lock, the code-lock rows, the payment, the
 *       authorization, then the ledger's accounts in id order; so these never deadlock.</li>
 *   <li>No card number, PIN, code secret or security code is logged, returned after creation, or
 *       printed by any record's {@code toString}.</li>
 * </ul>
 * The merchant side is a clearing ledger account per terminal (a terminal pays one request at a
 * time): a busy merchant's payments do not queue on one row lock. Settlement sweeps a merchant's
 * clearing accounts into its account; payments and refunds carry a nullable {@code settlement_id}
 * for it, and a settled payment can no longer be reversed.
 */
package dev.tillpoint.payments;
