-- pgbench's side of ClusterScaleBenchmark: the raw SQL of one POS payment (DESIGN.md's payment in
-- one transaction, as WILDFLY-FACTS.md measures it) on tables of its own, in the benchmark's
-- database beside Tillpoint's schema.
DROP TABLE IF EXISTS bench_entries, bench_payments, bench_accounts, bench_authorizations;
CREATE TABLE bench_authorizations (id integer PRIMARY KEY, remaining_minor bigint NOT NULL, last_step bigint NOT NULL);
CREATE TABLE bench_accounts (id integer PRIMARY KEY, balance_minor bigint NOT NULL CHECK (balance_minor >= 0));
CREATE TABLE bench_payments (id bigserial PRIMARY KEY, authorization_id integer NOT NULL, amount_minor bigint NOT NULL,
                             code_step bigint NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE bench_entries (id bigserial PRIMARY KEY, payment_id bigint NOT NULL, account_id integer NOT NULL, amount_minor bigint NOT NULL);
INSERT INTO bench_authorizations SELECT i, 1000000000, 0 FROM generate_series(1, 10000) i;
INSERT INTO bench_accounts SELECT i, 1000000000 FROM generate_series(0, 10000) i;
