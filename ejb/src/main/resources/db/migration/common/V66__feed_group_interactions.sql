-- Per group, its members' interactions (issue 10): what a feed item lists and counts, kept by the
-- aggregation beside the contributions (fanned out to every group of the interaction's user, fanned
-- in when a member joins, deleted when they leave), so that a read finds an item's interactions
-- with one index range scan newest first, limited to what it shows, under any plan, instead of
-- visiting every interaction of the post and probing membership per row. Derived, rebuildable
-- from feed_interactions and feed_group_members (as below).
-- The key is (group_id, interaction_id) in effect (post and time are the interaction's); it is
-- spelt in the read's order, with user_id last so that counting the other members' interactions
-- in a window reads the index only.
CREATE TABLE feed_group_interactions (
    group_id       varchar(64)              NOT NULL,
    post_id        varchar(64)              NOT NULL,
    created_at     timestamp with time zone NOT NULL,
    interaction_id varchar(64)              NOT NULL,
    user_id        varchar(64)              NOT NULL,
    type           varchar(8)               NOT NULL,
    text           varchar(1000),
    -- No foreign keys: rows are copied only from stored interactions into groups of their user, in
    -- the aggregation's batches, where a check per row would cost a probe (a trigger, on PostgreSQL)
    -- for nothing; interactions and groups are never deleted.
    CONSTRAINT pk_feed_group_interactions PRIMARY KEY (group_id, post_id, created_at, interaction_id, user_id)
);
-- A leaving member's rows.
CREATE INDEX ix_feed_group_interactions_user ON feed_group_interactions (user_id, group_id);

-- Every interaction of every member, older ones included: none older than a year before the join
-- is ever inside a window, as a year is the longest window, and those pending aggregation are
-- skipped by the aggregation's insert when it comes.
INSERT INTO feed_group_interactions (group_id, post_id, created_at, interaction_id, user_id, type, text)
SELECT m.group_id, i.post_id, i.created_at, i.id, i.user_id, i.type, i.text
FROM feed_interactions i JOIN feed_group_members m ON m.member_id = i.user_id;
