/**
 * Bank set-up for merchants: merchants with their settlement ledger account, and their POS
 * terminals.
 *
 * <p>Invariants:
 * <ul>
 *   <li>A merchant has exactly one settlement ledger account (kind {@code MERCHANT}) in the
 *       merchant's currency, opened with it in one transaction.</li>
 *   <li>A terminal id is unique across all merchants, for ever: it is the subject of the POS token,
 *       so a deactivated terminal's id is never given to another terminal.</li>
 *   <li>A terminal is deactivated, never deleted (its payments keep referring to it); deactivating
 *       is idempotent and only the active terminals of a merchant take payments.</li>
 *   <li>Another merchant's terminal is answered as not found, never as forbidden.</li>
 * </ul>
 */
package dev.tillpoint.merchants;
