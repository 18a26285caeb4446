-- PostgreSQL's V10_1 adds trigger guards for payments in PL/pgSQL; H2 relies on V10's constraints and the code's own checks.
SELECT 1;
