-- PostgreSQL's settlement guards: what the settlement code must never do, refused by the database.
-- A settlement batch is a statement of record: never updated, never deleted. (That a payment's or
-- refund's settlement_id, once set, never changes is guarded by V10_1.)

CREATE FUNCTION tillpoint_refuse_batch_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'settlement batches are immutable: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER tr_settlement_batches_immutable
    BEFORE UPDATE OR DELETE ON settlement_batches
    FOR EACH ROW EXECUTE FUNCTION tillpoint_refuse_batch_change();
CREATE TRIGGER tr_settlement_batches_no_truncate
    BEFORE TRUNCATE ON settlement_batches
    FOR EACH STATEMENT EXECUTE FUNCTION tillpoint_refuse_batch_change();
