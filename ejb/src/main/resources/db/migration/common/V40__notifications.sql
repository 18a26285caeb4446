-- The customer's notifications of payment events, written by the payment-events subscriber.
CREATE TABLE notifications (
    id                varchar(64)              NOT NULL,
    customer_id       varchar(64)              NOT NULL,
    type              varchar(32)              NOT NULL,
    payment_id        varchar(64)              NOT NULL,
    amount_minor      bigint                   NOT NULL,
    currency          varchar(3)               NOT NULL,
    merchant_id       varchar(64)              NOT NULL,
    source_message_id varchar(64)              NOT NULL,
    created_at        timestamp with time zone NOT NULL,
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    -- One notification per event, however often the broker delivers it.
    CONSTRAINT uq_notifications_source_message UNIQUE (source_message_id),
    CONSTRAINT fk_notifications_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT ck_notifications_type CHECK (type IN ('PAYMENT_APPROVED', 'PAYMENT_REVERSED', 'PAYMENT_REFUNDED')),
    CONSTRAINT ck_notifications_amount_minor CHECK (amount_minor > 0),
    CONSTRAINT ck_notifications_currency CHECK (currency ~ '^[A-Z]{3}$')
);
CREATE INDEX ix_notifications_customer ON notifications (customer_id, created_at, id);
