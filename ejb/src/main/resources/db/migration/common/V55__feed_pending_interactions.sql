-- Interactions stored but not yet aggregated (issue 10: aggregation in batches). A row is written in
-- the interaction's own transaction, next to its FEED_INTERACTION event in the outbox; the event
-- wakes the aggregation, which takes the oldest pending rows in batches (each batch one
-- transaction, rows locked so that parallel consumers take different ones) and deletes what it
-- aggregated. The row is the aggregation's idempotency: an interaction is aggregated once however
-- often its event is delivered.
CREATE TABLE feed_pending_interactions (
    interaction_id varchar(64)              NOT NULL,
    enqueued_at    timestamp with time zone NOT NULL,
    CONSTRAINT pk_feed_pending_interactions PRIMARY KEY (interaction_id),
    CONSTRAINT fk_feed_pending_interactions_interaction FOREIGN KEY (interaction_id) REFERENCES feed_interactions (id)
);
CREATE INDEX ix_feed_pending_interactions_enqueued ON feed_pending_interactions (enqueued_at, interaction_id);
