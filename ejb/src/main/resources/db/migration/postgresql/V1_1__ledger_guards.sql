-- PostgreSQL's stronger ledger guards: the database itself refuses what the ledger code must never
-- do, so a bug (or a hand-written statement) cannot commit a corrupt ledger. Every check is O(1)
-- per row: payments post hundreds of times a second. Runs inside one transaction like the rest.
--
-- 1. Transfers are immutable postings: UPDATE, DELETE and TRUNCATE are refused.
-- 2. Ledger accounts are opened empty, never deleted, keep their id, kind, currency and overdraft
--    rule, and their posted totals only grow. A total that shrinks is the signature of a lost
--    update (two writers, one overwriting the other), so this also guards the posting lock.
-- 3. At commit, every transaction's postings balance: per currency, the debits and the credits
--    added to ledger accounts each equal the amounts of the transfers the transaction inserted.
--    Balances cannot change without a transfer, nor a transfer exist without its balance changes.
--    The per-transaction sums are kept in transaction-local settings (set_config(..., true)), which
--    vanish at commit or rollback; the check runs as a deferred constraint trigger.
--    (SET CONSTRAINTS ... IMMEDIATE would check between a transfer's insert and its account
--    updates and must not be used on these triggers.)
--
-- The customer no-overdraft rule needs no trigger: the CHECK ck_ledger_accounts_no_overdraft holds
-- it on every row change, earlier and cheaper than a deferred trigger could.

-- 1. Immutable transfers ------------------------------------------------------------------------

CREATE FUNCTION tillpoint_refuse_transfer_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'transfers are immutable postings: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'Undo a transfer with a reversing transfer.';
END;
$$;

CREATE TRIGGER trg_transfers_immutable
    BEFORE UPDATE OR DELETE ON transfers
    FOR EACH ROW EXECUTE FUNCTION tillpoint_refuse_transfer_change();

CREATE TRIGGER trg_transfers_no_truncate
    BEFORE TRUNCATE ON transfers
    FOR EACH STATEMENT EXECUTE FUNCTION tillpoint_refuse_transfer_change();

-- 2. Ledger account rows ------------------------------------------------------------------------

CREATE FUNCTION tillpoint_guard_ledger_account() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'ledger account %: ledger accounts are never deleted', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.debits_posted <> 0 OR NEW.credits_posted <> 0 THEN
            RAISE EXCEPTION 'ledger account %: opens with zero totals; money arrives only by transfers', NEW.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.currency <> OLD.currency
            OR NEW.debits_must_not_exceed_credits <> OLD.debits_must_not_exceed_credits THEN
        RAISE EXCEPTION 'ledger account %: id, kind, currency and overdraft rule never change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.debits_posted < OLD.debits_posted OR NEW.credits_posted < OLD.credits_posted THEN
        RAISE EXCEPTION 'ledger account %: posted totals only grow (a smaller total means a lost update)', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_ledger_accounts_guard
    BEFORE INSERT OR UPDATE OR DELETE ON ledger_accounts
    FOR EACH ROW EXECUTE FUNCTION tillpoint_guard_ledger_account();

-- 3. Balanced postings per transaction ----------------------------------------------------------

-- The amount still to be matched on one side ('debits' or 'credits') of one currency in this
-- transaction: transfers add to it, account total changes subtract from it.
CREATE FUNCTION tillpoint_unmatched_minor(side text, currency varchar) RETURNS bigint
    LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('tillpoint.unmatched_' || side || '_' || lower(currency), true), ''), '0')::bigint
$$;

CREATE FUNCTION tillpoint_add_unmatched_minor(side text, currency varchar, delta_minor bigint) RETURNS void
    LANGUAGE sql VOLATILE AS $$
    SELECT set_config('tillpoint.unmatched_' || side || '_' || lower(currency),
                      (tillpoint_unmatched_minor(side, currency) + delta_minor)::text, true)
$$;

CREATE FUNCTION tillpoint_track_transfer() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tillpoint_add_unmatched_minor('debits', NEW.currency, NEW.amount_minor);
    PERFORM tillpoint_add_unmatched_minor('credits', NEW.currency, NEW.amount_minor);
    RETURN NULL;
END;
$$;

CREATE FUNCTION tillpoint_track_ledger_account() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tillpoint_add_unmatched_minor('debits', NEW.currency, OLD.debits_posted - NEW.debits_posted);
    PERFORM tillpoint_add_unmatched_minor('credits', NEW.currency, OLD.credits_posted - NEW.credits_posted);
    RETURN NULL;
END;
$$;

CREATE FUNCTION tillpoint_check_postings_balanced() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF tillpoint_unmatched_minor('debits', NEW.currency) <> 0
            OR tillpoint_unmatched_minor('credits', NEW.currency) <> 0 THEN
        RAISE EXCEPTION 'ledger postings in % do not balance at commit: debits unmatched %, credits unmatched %',
            NEW.currency, tillpoint_unmatched_minor('debits', NEW.currency), tillpoint_unmatched_minor('credits', NEW.currency)
            USING ERRCODE = 'integrity_constraint_violation',
                  HINT = 'Account totals change only together with the transfer that moves the money.';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_transfers_track
    AFTER INSERT ON transfers
    FOR EACH ROW EXECUTE FUNCTION tillpoint_track_transfer();

CREATE TRIGGER trg_ledger_accounts_track
    AFTER UPDATE ON ledger_accounts
    FOR EACH ROW
    WHEN (NEW.debits_posted <> OLD.debits_posted OR NEW.credits_posted <> OLD.credits_posted)
    EXECUTE FUNCTION tillpoint_track_ledger_account();

CREATE CONSTRAINT TRIGGER trg_transfers_balanced
    AFTER INSERT ON transfers
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION tillpoint_check_postings_balanced();

CREATE CONSTRAINT TRIGGER trg_ledger_accounts_balanced
    AFTER UPDATE ON ledger_accounts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NEW.debits_posted <> OLD.debits_posted OR NEW.credits_posted <> OLD.credits_posted)
    EXECUTE FUNCTION tillpoint_check_postings_balanced();
