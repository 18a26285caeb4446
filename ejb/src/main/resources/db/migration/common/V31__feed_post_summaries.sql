-- The feed's read model: per group and post, what the policy needs to pick candidates without
-- touching a member's contribution: how many members contributed, how many used each type, and
-- the earliest and latest first use among them. Policy-free (counts, not scores), so a policy
-- change rewrites nothing: a read computes the score as weights x counts. Derived, rebuildable
-- from feed_contributions (as below); kept by the aggregation in the transaction that writes the
-- contributions of the (group, post), which locks this row first, so writers of one row serialize.
CREATE TABLE feed_post_summaries (
    group_id    varchar(64)              NOT NULL,
    post_id     varchar(64)              NOT NULL,
    members     integer                  NOT NULL,
    liked       integer                  NOT NULL,
    commented   integer                  NOT NULL,
    shared      integer                  NOT NULL,
    earliest_at timestamp with time zone,
    latest_at   timestamp with time zone,
    CONSTRAINT pk_feed_post_summaries PRIMARY KEY (group_id, post_id),
    CONSTRAINT fk_feed_post_summaries_group FOREIGN KEY (group_id) REFERENCES feed_groups (id),
    CONSTRAINT fk_feed_post_summaries_post FOREIGN KEY (post_id) REFERENCES feed_posts (id)
);
-- A feed read: the viewer's groups' summaries whose latest first use is still inside the window.
CREATE INDEX ix_feed_post_summaries_group_latest ON feed_post_summaries (group_id, latest_at);

-- The earliest of three nullable times, with LEAST over arguments that are never null when any
-- time is present (LEAST's handling of nulls differs between the databases).
INSERT INTO feed_post_summaries (group_id, post_id, members, liked, commented, shared, earliest_at, latest_at)
SELECT group_id, post_id, count(*), count(liked_at), count(commented_at), count(shared_at),
       LEAST(COALESCE(min(liked_at), min(commented_at), min(shared_at)),
             COALESCE(min(commented_at), min(shared_at), min(liked_at)),
             COALESCE(min(shared_at), min(liked_at), min(commented_at))),
       max(latest_at)
FROM feed_contributions
GROUP BY group_id, post_id;
