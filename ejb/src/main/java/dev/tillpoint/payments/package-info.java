/**
 * Offline payments (DESIGN.md "Offline payments"): the customer's first approval (an offline
 * authorization with its code secret and limits), the POS's second approval (a payment matched by
 * a one-time code), refunds, reversals, and the history the phone syncs.
 *
 * <p>Invariants, each also held by the database (V10 constraints on both databases, V10_1
 * triggers on PostgreSQL):
 * <ul>
 *   <li>A payment moves its amount from the customer's account to its terminal's clearing account
 *       through the ledger, in the transaction that records it; a decline is recorded and moves no
 *       money. What was approved never changes.</li>
 *   <li>A code step pays at most once per authorization and never one older than the newest used
 *       ({@code last_used_step} only grows; unique (authorization, step) on payments). A decline
 *       does not use up its step.</li>
 *   <li>An authorization's spent amount stays within its total limit and each payment within its
 *       per-transaction limit; a reversal gives the amount back, a refund does not.</li>
 *   <li>A payment is reversed at most once, only while unsettled and unrefunded; a reversed payment
 *       is never refunded nor settled. Refunds in total never exceed the payment.</li>
 *   <li>Every POS write is idempotent by (terminal, Idempotency-Key), held by the keys' primary key
 *       and the unique keys of payments and refunds.</li>
 *   <li>Locks are taken in one order: idempotency key, payment, authorization, then the ledger's
 *       accounts in id order. An authorization is loaded as an entity only under its lock (code
 *       matching reads projections), so it is never stale.</li>
 *   <li>No card number, PIN, code secret or security code is logged, returned after creation, or
 *       printed by any record's {@code toString}.</li>
 * </ul>
 * The merchant side is a clearing ledger account per terminal (a terminal pays one request at a
 * time): a busy merchant's payments do not queue on one row lock. Settlement sweeps a merchant's
 * clearing accounts into its account; payments and refunds carry a nullable {@code settlement_id}
 * for it, and a settled payment can no longer be reversed.
 */
package dev.tillpoint.payments;
