-- H2 keeps the same version history as PostgreSQL, whose V1_1 adds trigger guards written in
-- PL/pgSQL. H2 has no PL/pgSQL (its triggers are Java classes on the database's own classpath), so
-- on H2 the ledger's rules rest on the V1 constraints and on the application's own checks.
SELECT 1;
