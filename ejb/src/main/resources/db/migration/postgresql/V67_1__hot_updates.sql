-- PostgreSQL: room on each page for the rows the payment path updates in place, so that those
-- updates are HOT (heap-only: the new row version goes on the same page and no index gets a new
-- entry) instead of writing a new entry into every index of the table. A payment updates its
-- authorization (last_used_step, spent_minor) and two ledger accounts (debits_posted,
-- credits_posted); a refund updates its payment (refunded_minor; payments has nine indexes). None
-- of these columns is indexed, so only free space on the page decides. (Reversal and settlement
-- change indexed columns of a payment and stay non-HOT.) Existing pages keep their fill until
-- rewritten (VACUUM FULL or pg_repack); new pages are filled to these factors.
ALTER TABLE ledger_accounts SET (fillfactor = 50);
ALTER TABLE offline_authorizations SET (fillfactor = 80);
ALTER TABLE payments SET (fillfactor = 80);
