\set a random(1, 10000)
BEGIN;
SELECT remaining_minor, last_step FROM bench_authorizations WHERE id = :a FOR UPDATE;
UPDATE bench_authorizations SET remaining_minor = remaining_minor - 100, last_step = last_step + 1 WHERE id = :a;
UPDATE bench_accounts SET balance_minor = balance_minor - 100 WHERE id = :a AND balance_minor >= 100;
INSERT INTO bench_payments (authorization_id, amount_minor, code_step, created_at) VALUES (:a, 100, 1, now());
INSERT INTO bench_entries (payment_id, account_id, amount_minor) VALUES (currval('bench_payments_id_seq'), :a, -100);
INSERT INTO bench_entries (payment_id, account_id, amount_minor) VALUES (currval('bench_payments_id_seq'), 0, 100);
COMMIT;
