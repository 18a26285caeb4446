-- Offline payments: first approvals (offline authorizations with their code secrets), POS payments,
-- refunds, reversals, the declines kept for audit, code brute-force lockouts, POS idempotency keys
-- and one clearing ledger account per terminal.
--
-- Portable like V1 (PostgreSQL 15 and H2 in PostgreSQL mode); PostgreSQL's triggers are in V10_1.
-- Settlement (a later migration) adds its batches table and the foreign keys of the nullable
-- settlement_id columns of payments and refunds.

-- A terminal's clearing account is credited by that terminal's payments, so that the merchant's own
-- account is not one hot row locked by every payment of a busy merchant; settlement sweeps the
-- clearing accounts into the merchant's account.
ALTER TABLE ledger_accounts DROP CONSTRAINT ck_ledger_accounts_kind;
ALTER TABLE ledger_accounts ADD CONSTRAINT ck_ledger_accounts_kind
    CHECK (kind IN ('CUSTOMER', 'MERCHANT', 'CLEARING', 'BANK_FUNDING', 'BANK_PAYOUT'));

CREATE TABLE terminal_clearing_accounts (
    terminal_id       varchar(64)              NOT NULL,
    ledger_account_id varchar(64)              NOT NULL,
    currency          varchar(3)               NOT NULL,
    created_at        timestamp with time zone NOT NULL,
    CONSTRAINT pk_terminal_clearing_accounts PRIMARY KEY (terminal_id),
    CONSTRAINT uq_terminal_clearing_accounts_ledger_account UNIQUE (ledger_account_id),
    CONSTRAINT fk_terminal_clearing_accounts_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
    CONSTRAINT fk_terminal_clearing_accounts_ledger_account FOREIGN KEY (ledger_account_id, currency)
        REFERENCES ledger_accounts (id, currency)
);

-- The first approval. active_device_id is device_id while the authorization is not revoked and null
-- after: the unique constraint then allows one unrevoked authorization per account and device on
-- both databases (H2 has no partial indexes; nulls never collide).
CREATE TABLE offline_authorizations (
    id                    varchar(64)              NOT NULL,
    customer_id           varchar(64)              NOT NULL,
    account_id            varchar(64)              NOT NULL,
    currency              varchar(3)               NOT NULL,
    account_masked        varchar(32)              NOT NULL,
    device_id             varchar(64)              NOT NULL,
    active_device_id      varchar(64),
    per_transaction_limit bigint                   NOT NULL,
    total_limit           bigint                   NOT NULL,
    spent_minor           bigint                   NOT NULL DEFAULT 0,
    secret_ciphertext     varchar(128)             NOT NULL,
    last_used_step        bigint,
    created_at            timestamp with time zone NOT NULL,
    expires_at            timestamp with time zone NOT NULL,
    revoked_at            timestamp with time zone,
    CONSTRAINT pk_offline_authorizations PRIMARY KEY (id),
    CONSTRAINT uq_offline_authorizations_active_device UNIQUE (account_id, active_device_id),
    CONSTRAINT fk_offline_authorizations_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_offline_authorizations_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_offline_authorizations_ledger_account FOREIGN KEY (account_id, currency)
        REFERENCES ledger_accounts (id, currency),
    CONSTRAINT ck_offline_authorizations_limits CHECK (
        per_transaction_limit > 0 AND total_limit > 0 AND per_transaction_limit <= total_limit),
    CONSTRAINT ck_offline_authorizations_spent CHECK (spent_minor >= 0 AND spent_minor <= total_limit),
    CONSTRAINT ck_offline_authorizations_validity CHECK (expires_at > created_at),
    CONSTRAINT ck_offline_authorizations_step CHECK (last_used_step IS NULL OR last_used_step >= 0),
    CONSTRAINT ck_offline_authorizations_revocation CHECK (
        (revoked_at IS NULL AND active_device_id = device_id)
        OR (revoked_at IS NOT NULL AND active_device_id IS NULL))
);
CREATE INDEX ix_offline_authorizations_customer ON offline_authorizations (customer_id, created_at, id);
CREATE INDEX ix_offline_authorizations_matching ON offline_authorizations (customer_id, expires_at);

-- The second approval. A reversed payment was never refunded nor settled (the reversal of a settled
-- payment is impossible); refunds never exceed the amount.
CREATE TABLE payments (
    id                  varchar(64)              NOT NULL,
    terminal_id         varchar(64)              NOT NULL,
    merchant_id         varchar(64)              NOT NULL,
    customer_id         varchar(64)              NOT NULL,
    account_id          varchar(64)              NOT NULL,
    authorization_id    varchar(64)              NOT NULL,
    clearing_account_id varchar(64)              NOT NULL,
    currency            varchar(3)               NOT NULL,
    amount_minor        bigint                   NOT NULL,
    code_step           bigint                   NOT NULL,
    approval_code       varchar(16)              NOT NULL,
    order_id            varchar(64),
    order_description   varchar(140),
    status              varchar(16)              NOT NULL,
    refunded_minor      bigint                   NOT NULL DEFAULT 0,
    reversal_id         varchar(64),
    reversed_at         timestamp with time zone,
    settlement_id       varchar(64),
    idempotency_key     varchar(64)              NOT NULL,
    created_at          timestamp with time zone NOT NULL,
    CONSTRAINT pk_payments PRIMARY KEY (id),
    CONSTRAINT uq_payments_idempotency_key UNIQUE (terminal_id, idempotency_key),
    CONSTRAINT uq_payments_reversal UNIQUE (reversal_id),
    -- Each code step pays at most once per authorization.
    CONSTRAINT uq_payments_code_step UNIQUE (authorization_id, code_step),
    CONSTRAINT fk_payments_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
    CONSTRAINT fk_payments_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id),
    CONSTRAINT fk_payments_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_payments_authorization FOREIGN KEY (authorization_id) REFERENCES offline_authorizations (id),
    CONSTRAINT fk_payments_account FOREIGN KEY (account_id, currency) REFERENCES ledger_accounts (id, currency),
    CONSTRAINT fk_payments_clearing_account FOREIGN KEY (clearing_account_id, currency)
        REFERENCES ledger_accounts (id, currency),
    CONSTRAINT ck_payments_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_payments_refunded CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    CONSTRAINT ck_payments_status CHECK (
        (status = 'APPROVED' AND reversal_id IS NULL AND reversed_at IS NULL)
        OR (status = 'REVERSED' AND reversal_id IS NOT NULL AND reversed_at IS NOT NULL
            AND refunded_minor = 0 AND settlement_id IS NULL)),
    CONSTRAINT ck_payments_order CHECK (order_description IS NULL OR order_id IS NOT NULL)
);
CREATE INDEX ix_payments_customer ON payments (customer_id, created_at, id);
CREATE INDEX ix_payments_customer_reversed ON payments (customer_id, reversed_at);
CREATE INDEX ix_payments_unsettled ON payments (merchant_id, settlement_id);

CREATE TABLE refunds (
    id              varchar(64)              NOT NULL,
    payment_id      varchar(64)              NOT NULL,
    terminal_id     varchar(64)              NOT NULL,
    merchant_id     varchar(64)              NOT NULL,
    customer_id     varchar(64)              NOT NULL,
    currency        varchar(3)               NOT NULL,
    amount_minor    bigint                   NOT NULL,
    settlement_id   varchar(64),
    idempotency_key varchar(64)              NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT pk_refunds PRIMARY KEY (id),
    CONSTRAINT uq_refunds_idempotency_key UNIQUE (terminal_id, idempotency_key),
    CONSTRAINT fk_refunds_payment FOREIGN KEY (payment_id) REFERENCES payments (id),
    CONSTRAINT fk_refunds_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
    CONSTRAINT fk_refunds_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id),
    CONSTRAINT ck_refunds_amount CHECK (amount_minor > 0)
);
CREATE INDEX ix_refunds_payment ON refunds (payment_id);
CREATE INDEX ix_refunds_customer ON refunds (customer_id, created_at, id);
CREATE INDEX ix_refunds_unsettled ON refunds (merchant_id, settlement_id);

-- Declined payments, for audit and for counting wrong codes. user_id is what the POS sent and need
-- not name a customer (a userId never reveals whether it exists), so it has no foreign key.
CREATE TABLE payment_declines (
    id               varchar(64)              NOT NULL,
    terminal_id      varchar(64)              NOT NULL,
    merchant_id      varchar(64)              NOT NULL,
    user_id          varchar(64)              NOT NULL,
    authorization_id varchar(64),
    code             varchar(32)              NOT NULL,
    amount_minor     bigint                   NOT NULL,
    currency         varchar(3)               NOT NULL,
    created_at       timestamp with time zone NOT NULL,
    CONSTRAINT pk_payment_declines PRIMARY KEY (id),
    CONSTRAINT fk_payment_declines_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
    CONSTRAINT ck_payment_declines_code CHECK (code IN ('CODE_INVALID', 'CODE_REUSED', 'AUTHORIZATION_REVOKED',
        'AUTHORIZATION_EXPIRED', 'CURRENCY_MISMATCH', 'LIMIT_EXCEEDED', 'INSUFFICIENT_FUNDS'))
);
CREATE INDEX ix_payment_declines_user ON payment_declines (user_id, code, created_at);

-- Wrong-code lockouts: terminal_scope is a terminal id for one user-terminal pair, '*' for the user
-- on every terminal ('*' is no id, so the two never collide).
CREATE TABLE code_lockouts (
    user_id        varchar(64)              NOT NULL,
    terminal_scope varchar(64)              NOT NULL,
    locked_until   timestamp with time zone NOT NULL,
    CONSTRAINT pk_code_lockouts PRIMARY KEY (user_id, terminal_scope)
);

-- POS idempotency keys, scoped to the terminal. A key is claimed (IN_PROGRESS) in a short
-- transaction of its own, so a duplicate arriving meanwhile sees the claim; the payment's own
-- transaction completes it with the outcome (a payment or refund id, or a decline code) that every
-- retry with the same request gets back. REVERSED: the POS reversed the key before any payment.
CREATE TABLE pos_idempotency_keys (
    terminal_id         varchar(64)              NOT NULL,
    idempotency_key     varchar(64)              NOT NULL,
    operation           varchar(16)              NOT NULL,
    request_fingerprint varchar(64),
    state               varchar(16)              NOT NULL,
    claim_token         varchar(64),
    claimed_at          timestamp with time zone,
    payment_id          varchar(64),
    refund_id           varchar(64),
    outcome_code        varchar(32),
    outcome_detail      varchar(300),
    created_at          timestamp with time zone NOT NULL,
    completed_at        timestamp with time zone,
    CONSTRAINT pk_pos_idempotency_keys PRIMARY KEY (terminal_id, idempotency_key),
    CONSTRAINT fk_pos_idempotency_keys_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
    CONSTRAINT ck_pos_idempotency_keys_operation CHECK (operation IN ('PAYMENT', 'REFUND')),
    CONSTRAINT ck_pos_idempotency_keys_state CHECK (
        (state = 'IN_PROGRESS' AND claim_token IS NOT NULL AND request_fingerprint IS NOT NULL)
        OR (state = 'COMPLETED' AND request_fingerprint IS NOT NULL
            AND ((payment_id IS NOT NULL OR refund_id IS NOT NULL) <> (outcome_code IS NOT NULL)))
        OR (state = 'REVERSED' AND operation = 'PAYMENT'))
);
CREATE INDEX ix_pos_idempotency_keys_created_at ON pos_idempotency_keys (created_at);
