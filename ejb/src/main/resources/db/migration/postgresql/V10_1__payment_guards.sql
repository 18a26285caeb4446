-- PostgreSQL's stronger guards for payments (V10 holds what both databases can check):
--
-- 1. A payment keeps what was approved: ids, amount, currency, code step, order and time never
--    change; its status only goes APPROVED -> REVERSED (reversed at most once, never un-reversed);
--    refunded_minor only grows; settlement_id is set once and then never changes, and a settled
--    payment is never reversed. Payments are never deleted.
-- 2. Refunds are immutable except for being settled once; never deleted. At commit, each payment's
--    refunded_minor equals the sum of its refunds (so refunds in total never exceed the payment,
--    whose CHECK caps refunded_minor at the amount).
-- 3. Declines are an audit trail: never updated or deleted.
-- 4. An authorization keeps its owner, account, device, limits and secret; spent_minor moves only
--    with payments and reversals (its CHECK keeps it within the total); last_used_step only grows;
--    a revocation is never undone.

CREATE FUNCTION tillpoint_guard_payment() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'payment %: payments are never deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id <> OLD.id OR NEW.terminal_id <> OLD.terminal_id OR NEW.merchant_id <> OLD.merchant_id
            OR NEW.customer_id <> OLD.customer_id OR NEW.account_id <> OLD.account_id
            OR NEW.authorization_id <> OLD.authorization_id OR NEW.clearing_account_id <> OLD.clearing_account_id
            OR NEW.currency <> OLD.currency OR NEW.amount_minor <> OLD.amount_minor
            OR NEW.code_step <> OLD.code_step OR NEW.approval_code <> OLD.approval_code
            OR NEW.order_id IS DISTINCT FROM OLD.order_id
            OR NEW.order_description IS DISTINCT FROM OLD.order_description
            OR NEW.idempotency_key <> OLD.idempotency_key OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'payment %: what was approved never changes', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status = 'REVERSED' AND (NEW.status <> 'REVERSED' OR NEW.reversal_id <> OLD.reversal_id
            OR NEW.reversed_at <> OLD.reversed_at) THEN
        RAISE EXCEPTION 'payment %: a reversal is final', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.refunded_minor < OLD.refunded_minor THEN
        RAISE EXCEPTION 'payment %: refunded amount only grows', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.settlement_id IS NOT NULL AND NEW.settlement_id IS DISTINCT FROM OLD.settlement_id THEN
        RAISE EXCEPTION 'payment %: a settled payment stays in its settlement', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.settlement_id IS NOT NULL AND NEW.status = 'REVERSED' AND OLD.status <> 'REVERSED' THEN
        RAISE EXCEPTION 'payment %: a settled payment cannot be reversed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_payments_guard
    BEFORE UPDATE OR DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION tillpoint_guard_payment();

CREATE FUNCTION tillpoint_guard_refund() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refund %: refunds are never deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id <> OLD.id OR NEW.payment_id <> OLD.payment_id OR NEW.terminal_id <> OLD.terminal_id
            OR NEW.merchant_id <> OLD.merchant_id OR NEW.customer_id <> OLD.customer_id
            OR NEW.currency <> OLD.currency OR NEW.amount_minor <> OLD.amount_minor
            OR NEW.idempotency_key <> OLD.idempotency_key OR NEW.created_at <> OLD.created_at
            OR (OLD.settlement_id IS NOT NULL AND NEW.settlement_id IS DISTINCT FROM OLD.settlement_id) THEN
        RAISE EXCEPTION 'refund %: a refund never changes, except for being settled once', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_refunds_guard
    BEFORE UPDATE OR DELETE ON refunds
    FOR EACH ROW EXECUTE FUNCTION tillpoint_guard_refund();

CREATE FUNCTION tillpoint_check_refunds_match_payment() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    refunded bigint;
    recorded bigint;
    approved_status varchar;
BEGIN
    SELECT coalesce(sum(amount_minor), 0) INTO refunded FROM refunds WHERE payment_id = NEW.payment_id;
    SELECT refunded_minor, status INTO recorded, approved_status FROM payments WHERE id = NEW.payment_id;
    IF refunded <> recorded THEN
        RAISE EXCEPTION 'payment %: refunds total % but the payment records %', NEW.payment_id, refunded, recorded
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF approved_status <> 'APPROVED' THEN
        RAISE EXCEPTION 'payment %: a reversed payment has no refunds', NEW.payment_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER trg_refunds_match_payment
    AFTER INSERT ON refunds
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION tillpoint_check_refunds_match_payment();

CREATE FUNCTION tillpoint_refuse_decline_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payment declines are an audit trail: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER trg_payment_declines_immutable
    BEFORE UPDATE OR DELETE ON payment_declines
    FOR EACH ROW EXECUTE FUNCTION tillpoint_refuse_decline_change();

CREATE FUNCTION tillpoint_guard_offline_authorization() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'offline authorization %: never deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id <> OLD.id OR NEW.customer_id <> OLD.customer_id OR NEW.account_id <> OLD.account_id
            OR NEW.currency <> OLD.currency OR NEW.device_id <> OLD.device_id
            OR NEW.per_transaction_limit <> OLD.per_transaction_limit OR NEW.total_limit <> OLD.total_limit
            OR NEW.secret_ciphertext <> OLD.secret_ciphertext OR NEW.created_at <> OLD.created_at
            OR NEW.expires_at <> OLD.expires_at THEN
        RAISE EXCEPTION 'offline authorization %: its terms never change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.last_used_step IS NOT NULL AND (NEW.last_used_step IS NULL OR NEW.last_used_step < OLD.last_used_step) THEN
        RAISE EXCEPTION 'offline authorization %: the newest used code step never goes back', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
        RAISE EXCEPTION 'offline authorization %: a revocation is final', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_offline_authorizations_guard
    BEFORE UPDATE OR DELETE ON offline_authorizations
    FOR EACH ROW EXECUTE FUNCTION tillpoint_guard_offline_authorization();
