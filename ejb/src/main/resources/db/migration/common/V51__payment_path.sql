-- The POS payment path in one transaction (issue 16) and the code lockouts of DESIGN.md "Offline
-- payments" as release 2 states them (issue 11). Portable (PostgreSQL 15 and H2 in PostgreSQL mode).

-- Idempotency keys are now written once, with their outcome, in the transaction that moves the
-- money; a request still running is seen through a transaction-scoped try-lock on the key, which
-- the database drops with the transaction, so nothing is ever claimed, leased or released. A claim
-- left by the earlier two-transaction path belonged to a request whose payment transaction never
-- committed (it would have completed the claim), so it recorded nothing and is forgotten.
DELETE FROM pos_idempotency_keys WHERE state = 'IN_PROGRESS';

-- Code lockouts: one row per user-terminal pair (user_id, terminal) and one per terminal
-- ('*', terminal). The rows are also what wrong codes serialize on, so counting is exact; a lock is
-- never user-wide any more ('*' as terminal_scope meant every terminal). counts_from: wrong codes
-- before it no longer count (set by an admin's code-unlock).
DELETE FROM code_lockouts WHERE terminal_scope = '*';
ALTER TABLE code_lockouts ADD COLUMN counts_from timestamp with time zone;

-- A code step collects at most three declines (currency, limits, funds): they carry their step.
ALTER TABLE payment_declines ADD COLUMN code_step bigint;
CREATE INDEX ix_payment_declines_step ON payment_declines (authorization_id, code_step);
-- Wrong codes per terminal and per user-terminal pair within the window.
CREATE INDEX ix_payment_declines_terminal ON payment_declines (terminal_id, code, created_at);

