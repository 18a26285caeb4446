-- The feed's read model: per group and post, what the policy needs to pick candidates without
-- touching a member's contribution: how many members contributed, how many used each type, and
-- the earliest and latest first use among them; the post's author and whether the author is a
-- member of the group now (kept on every join and leave). Policy-free (counts, not scores), so a
-- policy change rewrites nothing: a read bounds the score by weights x counts. Derived, rebuildable
-- from feed_contributions, feed_posts and feed_group_members (as below); kept by the aggregation in
-- the transaction that writes the contributions of the (group, post), which locks this row first,
-- so writers of one row serialize.
CREATE TABLE feed_post_summaries (
    group_id      varchar(64)              NOT NULL,
    post_id       varchar(64)              NOT NULL,
    author_id     varchar(64)              NOT NULL,
    author_member boolean                  NOT NULL,
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
-- A join or leave: the summaries of the member's posts in that group.
CREATE INDEX ix_feed_post_summaries_author ON feed_post_summaries (author_id, group_id);

-- The earliest of three nullable times, with LEAST over arguments that are never null when any
-- time is present (LEAST's handling of nulls differs between the databases).
INSERT INTO feed_post_summaries (group_id, post_id, author_id, author_member, members, liked, commented, shared,
                                 earliest_at, latest_at)
SELECT c.group_id, c.post_id, p.author_id,
       CASE WHEN EXISTS (SELECT 1 FROM feed_group_members a WHERE a.group_id = c.group_id AND a.member_id = p.author_id)
            THEN TRUE ELSE FALSE END,
       count(*), count(c.liked_at), count(c.commented_at), count(c.shared_at),
       LEAST(COALESCE(min(c.liked_at), min(c.commented_at), min(c.shared_at)),
             COALESCE(min(c.commented_at), min(c.shared_at), min(c.liked_at)),
             COALESCE(min(c.shared_at), min(c.liked_at), min(c.commented_at))),
       max(c.latest_at)
FROM feed_contributions c JOIN feed_posts p ON p.id = c.post_id
GROUP BY c.group_id, c.post_id, p.author_id;
