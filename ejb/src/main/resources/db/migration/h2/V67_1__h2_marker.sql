-- PostgreSQL's V67_1 sets fill factors for HOT updates, a storage setting H2 does not have.
SELECT 1;
