-- Messaging: the transactional outbox and the ids of messages each consumer has handled.

-- Messages written with the change they announce; the relay deletes a row once the broker has it.
CREATE TABLE outbox_messages (
    id            varchar(64)              NOT NULL,
    destination   varchar(32)              NOT NULL,
    type          varchar(64)              NOT NULL,
    body          varchar(16000)           NOT NULL,
    created_at    timestamp with time zone NOT NULL,
    send_attempts integer                  NOT NULL DEFAULT 0,
    CONSTRAINT pk_outbox_messages PRIMARY KEY (id),
    CONSTRAINT ck_outbox_messages_destination CHECK (
        destination IN ('BEACON_TRIGGERS', 'BEACON_SIGHTINGS', 'FEED_INTERACTIONS', 'PAYMENT_EVENTS')),
    CONSTRAINT ck_outbox_messages_send_attempts CHECK (send_attempts >= 0)
);
CREATE INDEX ix_outbox_messages_created_at ON outbox_messages (created_at, id);

-- One row per (consumer, message): a redelivered message finds its row and changes nothing.
CREATE TABLE processed_messages (
    consumer     varchar(64)              NOT NULL,
    message_id   varchar(64)              NOT NULL,
    processed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_processed_messages PRIMARY KEY (consumer, message_id)
);
CREATE INDEX ix_processed_messages_processed_at ON processed_messages (processed_at);
