-- Settlement: one batch per merchant and currency and run, settling every approved, unreversed
-- payment and every refund not settled before. A payment or refund belongs to at most one batch
-- (its settlement_id, set once); a batch's figures are fixed when it is written.
CREATE TABLE settlement_batches (
    id            varchar(64)              NOT NULL,
    merchant_id   varchar(64)              NOT NULL,
    currency      varchar(3)               NOT NULL,
    payment_count integer                  NOT NULL,
    gross_minor   bigint                   NOT NULL,
    refunds_minor bigint                   NOT NULL,
    net_minor     bigint                   NOT NULL,
    cut_off_at    timestamp with time zone NOT NULL,
    created_at    timestamp with time zone NOT NULL,
    CONSTRAINT pk_settlement_batches PRIMARY KEY (id),
    CONSTRAINT fk_settlement_batches_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id),
    CONSTRAINT ck_settlement_batches_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_settlement_batches_count CHECK (payment_count >= 0),
    CONSTRAINT ck_settlement_batches_gross CHECK (gross_minor >= 0 AND (payment_count > 0 OR gross_minor = 0)),
    CONSTRAINT ck_settlement_batches_refunds CHECK (refunds_minor >= 0),
    CONSTRAINT ck_settlement_batches_net CHECK (net_minor = gross_minor - refunds_minor),
    -- A batch settles something: an empty one is never written.
    CONSTRAINT ck_settlement_batches_not_empty CHECK (payment_count > 0 OR refunds_minor > 0)
);
CREATE INDEX ix_settlement_batches_merchant ON settlement_batches (merchant_id, created_at, id);

ALTER TABLE payments ADD CONSTRAINT fk_payments_settlement
    FOREIGN KEY (settlement_id) REFERENCES settlement_batches (id);
ALTER TABLE refunds ADD CONSTRAINT fk_refunds_settlement
    FOREIGN KEY (settlement_id) REFERENCES settlement_batches (id);
CREATE INDEX ix_payments_settlement ON payments (settlement_id);
CREATE INDEX ix_refunds_settlement ON refunds (settlement_id);
