/**
 * Bank set-up for customers: the customers themselves and their card accounts with PINs.
 *
 * <p>Invariants:
 * <ul>
 *   <li>An account's id is its ledger account's id and its currency is that account's currency
 *       (a composite foreign key holds the database to it); its balance is read from the ledger,
 *       never stored here.</li>
 *   <li>A card number is stored only encrypted ({@code pan_ciphertext}) plus a keyed hash
 *       ({@code pan_lookup}, unique: one account per card) and what masking needs (last four
 *       digits and length). A PIN is stored only as a peppered PBKDF2 hash with its salt and
 *       iteration count. Neither ever appears in a view, a log line or an error.</li>
 *   <li>Opening an account and posting its opening balance from the bank's funding account is one
 *       transaction: there is never an account without its opening transfer.</li>
 *   <li>Duplicates are found by query first; the unique constraints stay as the last word for two
 *       requests racing, which then get the same {@code DUPLICATE} answer.</li>
 * </ul>
 */
package dev.tillpoint.customers;
