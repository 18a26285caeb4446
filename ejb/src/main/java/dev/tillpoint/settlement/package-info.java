/**
 * Settlement: batches of each merchant's approved payments and refunds per currency, their files,
 * and the nightly timer.
 *
 * <p>Rules:
 * <ul>
 *   <li>A batch holds every approved, unreversed payment and every refund of its merchant and
 *       currency that no batch holds yet, up to the run's cut-off; refunds of payments settled
 *       earlier go into the batch of their own run. {@code net = gross - refunds}, which may be
 *       negative. An empty batch is never written.</li>
 *   <li>Each payment and refund is settled exactly once: rows are locked, then marked with the
 *       batch's id only where they have none (checked: every locked row must be marked); PostgreSQL
 *       refuses any change of a set {@code settlement_id} and any change of a batch.</li>
 *   <li>A batch moves money through the ledger only: each terminal's clearing account is swept by
 *       its share of the batch into the merchant's account, and the net goes from the merchant's
 *       account to the bank's payout account (the other way when negative), all in the batch's
 *       transaction, referenced by the batch id.</li>
 *   <li>A settled payment can no longer be reversed (the payment feature checks
 *       {@code settlement_id}, and the database's status constraint refuses a reversed settled
 *       payment); it can still be refunded.</li>
 *   <li>The nightly run happens once per cut-off however many nodes run: one persistent timer
 *       (clustered in the HA profile), and a claim row per cut-off in {@code settlement_cut_offs}
 *       that a second timeout of the same cut-off finds and stops at.</li>
 *   <li>A merchant reads only its own batches; the file's cells are defused against formula
 *       injection before RFC 4180 quoting, also when blanks a spreadsheet skips (spaces, no-break
 *       and zero-width spaces, line feeds) come before the {@code = + - @}.</li>
 * </ul>
 */
package dev.tillpoint.settlement;
