-- Bank set-up: the ledger, customers and their card accounts, merchants and their terminals.
--
-- Portable: runs unchanged on PostgreSQL 15 and on H2 2.2 (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE),
-- also inside a single transaction. PostgreSQL's stronger guards (triggers) are in
-- db/migration/postgresql. Constraints are named so that errors and later migrations can refer to them.
-- Ids are varchar(64) (the API's id pattern), money is bigint minor units, times are
-- timestamp with time zone.

-- Ledger accounts carry running totals only; balance = credits_posted - debits_posted.
CREATE TABLE ledger_accounts (
    id                             varchar(64)              NOT NULL,
    kind                           varchar(16)              NOT NULL,
    currency                       varchar(3)               NOT NULL,
    debits_posted                  bigint                   NOT NULL DEFAULT 0,
    credits_posted                 bigint                   NOT NULL DEFAULT 0,
    debits_must_not_exceed_credits boolean                  NOT NULL,
    created_at                     timestamp with time zone NOT NULL,
    CONSTRAINT pk_ledger_accounts PRIMARY KEY (id),
    -- Target of the composite foreign keys that hold every transfer and account to one currency.
    CONSTRAINT uq_ledger_accounts_id_currency UNIQUE (id, currency),
    CONSTRAINT ck_ledger_accounts_kind CHECK (kind IN ('CUSTOMER', 'MERCHANT', 'BANK_FUNDING', 'BANK_PAYOUT')),
    -- An ISO 4217 code; "~" is PostgreSQL's regular-expression match, which H2 supports in its PostgreSQL mode.
    CONSTRAINT ck_ledger_accounts_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_ledger_accounts_debits_posted CHECK (debits_posted >= 0),
    CONSTRAINT ck_ledger_accounts_credits_posted CHECK (credits_posted >= 0),
    CONSTRAINT ck_ledger_accounts_no_overdraft CHECK (
        NOT debits_must_not_exceed_credits OR debits_posted <= credits_posted)
);

-- Immutable postings: each moves amount_minor from the debit account to the credit account.
CREATE TABLE transfers (
    id                varchar(64)              NOT NULL,
    debit_account_id  varchar(64)              NOT NULL,
    credit_account_id varchar(64)              NOT NULL,
    currency          varchar(3)               NOT NULL,
    amount_minor      bigint                   NOT NULL,
    kind              varchar(16)              NOT NULL,
    reference         varchar(128),
    created_at        timestamp with time zone NOT NULL,
    CONSTRAINT pk_transfers PRIMARY KEY (id),
    CONSTRAINT ck_transfers_amount_minor CHECK (amount_minor > 0),
    CONSTRAINT ck_transfers_distinct_accounts CHECK (debit_account_id <> credit_account_id),
    CONSTRAINT ck_transfers_kind CHECK (kind IN ('OPENING_BALANCE', 'PAYMENT', 'REFUND', 'REVERSAL', 'SETTLEMENT')),
    -- Both accounts must be in the transfer's currency.
    CONSTRAINT fk_transfers_debit_account FOREIGN KEY (debit_account_id, currency)
        REFERENCES ledger_accounts (id, currency),
    CONSTRAINT fk_transfers_credit_account FOREIGN KEY (credit_account_id, currency)
        REFERENCES ledger_accounts (id, currency)
);
CREATE INDEX ix_transfers_debit_account ON transfers (debit_account_id, currency);
CREATE INDEX ix_transfers_credit_account ON transfers (credit_account_id, currency);

CREATE TABLE customers (
    id         varchar(64)              NOT NULL,
    name       varchar(200)             NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (id)
);

-- A card account: its id and currency are its ledger account's. The card number is stored only
-- encrypted (AES-GCM) and as a keyed hash; the PIN only as a peppered PBKDF2 hash.
CREATE TABLE accounts (
    id                  varchar(64)              NOT NULL,
    customer_id         varchar(64)              NOT NULL,
    currency            varchar(3)               NOT NULL,
    pan_ciphertext      varchar(128)             NOT NULL,
    pan_lookup          varchar(64)              NOT NULL,
    pan_last4           varchar(4)               NOT NULL,
    pan_length          integer                  NOT NULL,
    pin_hash            varchar(64)              NOT NULL,
    pin_salt            varchar(32)              NOT NULL,
    pin_iterations      integer                  NOT NULL,
    failed_pin_attempts integer                  NOT NULL DEFAULT 0,
    locked_until        timestamp with time zone,
    created_at          timestamp with time zone NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    -- One account per card number.
    CONSTRAINT uq_accounts_pan_lookup UNIQUE (pan_lookup),
    CONSTRAINT fk_accounts_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_accounts_ledger_account FOREIGN KEY (id, currency) REFERENCES ledger_accounts (id, currency),
    CONSTRAINT ck_accounts_pan_length CHECK (pan_length BETWEEN 12 AND 19),
    CONSTRAINT ck_accounts_pan_last4 CHECK (char_length(pan_last4) = 4),
    CONSTRAINT ck_accounts_pin_iterations CHECK (pin_iterations > 0),
    CONSTRAINT ck_accounts_failed_pin_attempts CHECK (failed_pin_attempts >= 0)
);
-- Also serves the keyset paging of a customer's accounts (created_at, id).
CREATE INDEX ix_accounts_customer ON accounts (customer_id, created_at, id);

CREATE TABLE merchants (
    id                    varchar(64)              NOT NULL,
    name                  varchar(200)             NOT NULL,
    currency              varchar(3)               NOT NULL,
    settlement_account_id varchar(64)              NOT NULL,
    created_at            timestamp with time zone NOT NULL,
    CONSTRAINT pk_merchants PRIMARY KEY (id),
    -- Each merchant has its own settlement account, in the merchant's currency.
    CONSTRAINT uq_merchants_settlement_account UNIQUE (settlement_account_id),
    CONSTRAINT fk_merchants_settlement_account FOREIGN KEY (settlement_account_id, currency)
        REFERENCES ledger_accounts (id, currency)
);

-- Terminal ids are unique across merchants for ever: they are POS tokens' subjects.
CREATE TABLE terminals (
    id             varchar(64)              NOT NULL,
    merchant_id    varchar(64)              NOT NULL,
    active         boolean                  NOT NULL,
    created_at     timestamp with time zone NOT NULL,
    deactivated_at timestamp with time zone,
    CONSTRAINT pk_terminals PRIMARY KEY (id),
    CONSTRAINT fk_terminals_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id),
    CONSTRAINT ck_terminals_deactivation CHECK (
        (active AND deactivated_at IS NULL) OR (NOT active AND deactivated_at IS NOT NULL))
);
-- Also serves the keyset paging of a merchant's terminals (created_at, id).
CREATE INDEX ix_terminals_merchant ON terminals (merchant_id, created_at, id);

-- The bank's funding and payout accounts for the default currencies; any other configured
-- currency gets its pair at startup (dev.tillpoint.ledger.BankAccountsBootstrap).
INSERT INTO ledger_accounts (id, kind, currency, debits_posted, credits_posted, debits_must_not_exceed_credits, created_at) VALUES
    ('bank-funding-EUR', 'BANK_FUNDING', 'EUR', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-payout-EUR',  'BANK_PAYOUT',  'EUR', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-funding-USD', 'BANK_FUNDING', 'USD', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-payout-USD',  'BANK_PAYOUT',  'USD', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-funding-GBP', 'BANK_FUNDING', 'GBP', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-payout-GBP',  'BANK_PAYOUT',  'GBP', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-funding-CNY', 'BANK_FUNDING', 'CNY', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-payout-CNY',  'BANK_PAYOUT',  'CNY', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-funding-JPY', 'BANK_FUNDING', 'JPY', 0, 0, FALSE, CURRENT_TIMESTAMP),
    ('bank-payout-JPY',  'BANK_PAYOUT',  'JPY', 0, 0, FALSE, CURRENT_TIMESTAMP);
