-- PostgreSQL's settlement guards: what the settlement code must never do, refused by the database.
-- 1. A settlement batch is a statement of record: never updated, never deleted.
-- 2. A payment's or refund's settlement_id, once set, never changes: settled is final, so nothing
--    is settled twice and nothing leaves a batch after the merchant has its file.

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

CREATE FUNCTION tillpoint_settled_is_final() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.settlement_id IS NOT NULL AND NEW.settlement_id IS DISTINCT FROM OLD.settlement_id THEN
        RAISE EXCEPTION '% % is settled in %; its settlement never changes', TG_TABLE_NAME, OLD.id, OLD.settlement_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER tr_payments_settled_is_final
    BEFORE UPDATE OF settlement_id ON payments
    FOR EACH ROW EXECUTE FUNCTION tillpoint_settled_is_final();
CREATE TRIGGER tr_refunds_settled_is_final
    BEFORE UPDATE OF settlement_id ON refunds
    FOR EACH ROW EXECUTE FUNCTION tillpoint_settled_is_final();
