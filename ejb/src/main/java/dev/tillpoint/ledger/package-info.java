/**
 * The double-entry ledger, kept in TigerBeetle's discipline: accounts carry only running totals,
 * money moves only by immutable transfers, and every rule is checked before anything is written.
 *
 * <p>Invariants:
 * <ul>
 *   <li>A {@link dev.tillpoint.ledger.Transfer} moves a positive amount between two different
 *       accounts of its own currency, adding it to the debit account's {@code debits_posted} and the
 *       credit account's {@code credits_posted} in the same transaction. Transfers are never
 *       updated or deleted: a mistake is undone by a reversing transfer.</li>
 *   <li>Balance = credits posted - debits posted. Posted totals are never negative and only grow.</li>
 *   <li>An account flagged {@code debitsMustNotExceedCredits} (every customer account) never goes
 *       below zero; bank and merchant accounts may (funding pays out opening balances, a merchant's
 *       refunds may exceed its sales).</li>
 *   <li>Per currency, the sum of all debits posted equals the sum of all credits posted, and both
 *       equal the sum of the transfers: the trial balance checks all three.</li>
 *   <li>Posting ({@link dev.tillpoint.ledger.Postings}, plain JDBC on the caller's transaction)
 *       moves each account's totals by one targeted UPDATE, which takes the row's lock, rows in id
 *       order; the debit's WHERE clause holds the no-overdraft rule, so it is decided under that
 *       lock and no concurrent update is lost. Ledger accounts are loaded as entities only right
 *       after being created; every other read returns a projection.</li>
 *   <li>The bank's funding and payout accounts exist for every allowed currency, with ids
 *       {@code bank-funding-EUR}, {@code bank-payout-EUR}...: seeded by migration for the default
 *       currencies and ensured at startup for any other configured one.</li>
 * </ul>
 * The database repeats these rules as constraints (and, on PostgreSQL, triggers), so a bug here
 * cannot commit an unbalanced ledger.
 */
package dev.tillpoint.ledger;
