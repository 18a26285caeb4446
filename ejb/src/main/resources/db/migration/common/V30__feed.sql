-- Social feed: groups of customers, posts (media), the raw interactions, the per-group
-- aggregates the feed reads, and the one preset policy.

CREATE TABLE feed_groups (
    id         varchar(64)              NOT NULL,
    name       varchar(100)             NOT NULL,
    created_by varchar(64)              NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feed_groups PRIMARY KEY (id),
    CONSTRAINT fk_feed_groups_created_by FOREIGN KEY (created_by) REFERENCES customers (id)
);

CREATE TABLE feed_group_members (
    group_id  varchar(64)              NOT NULL,
    member_id varchar(64)              NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feed_group_members PRIMARY KEY (group_id, member_id),
    CONSTRAINT fk_feed_group_members_group FOREIGN KEY (group_id) REFERENCES feed_groups (id),
    CONSTRAINT fk_feed_group_members_member FOREIGN KEY (member_id) REFERENCES customers (id)
);
-- A member's groups (the fan-out of their interactions, the feed's groups of a viewer).
CREATE INDEX ix_feed_group_members_member ON feed_group_members (member_id, group_id);

CREATE TABLE feed_posts (
    id         varchar(64)              NOT NULL,
    author_id  varchar(64)              NOT NULL,
    media_type varchar(8)               NOT NULL,
    title      varchar(200)             NOT NULL,
    url        varchar(2048)            NOT NULL,
    summary    varchar(2000),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feed_posts PRIMARY KEY (id),
    CONSTRAINT fk_feed_posts_author FOREIGN KEY (author_id) REFERENCES customers (id),
    CONSTRAINT ck_feed_posts_media_type CHECK (media_type IN ('ARTICLE', 'IMAGE', 'VIDEO', 'AUDIO'))
);

-- The stored facts. repeat_key is the type for LIKE and SHARE and null for COMMENT: the unique
-- constraint then holds a user to one LIKE and one SHARE per post (nulls never collide), on both
-- databases without a partial index.
CREATE TABLE feed_interactions (
    id         varchar(64)              NOT NULL,
    post_id    varchar(64)              NOT NULL,
    user_id    varchar(64)              NOT NULL,
    type       varchar(8)               NOT NULL,
    repeat_key varchar(8),
    text       varchar(1000),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feed_interactions PRIMARY KEY (id),
    CONSTRAINT fk_feed_interactions_post FOREIGN KEY (post_id) REFERENCES feed_posts (id),
    CONSTRAINT fk_feed_interactions_user FOREIGN KEY (user_id) REFERENCES customers (id),
    CONSTRAINT uq_feed_interactions_once UNIQUE (post_id, user_id, repeat_key),
    CONSTRAINT ck_feed_interactions_type CHECK (type IN ('LIKE', 'COMMENT', 'SHARE')),
    CONSTRAINT ck_feed_interactions_repeat_key CHECK (
        (type = 'COMMENT' AND repeat_key IS NULL AND text IS NOT NULL)
        OR (type <> 'COMMENT' AND repeat_key = type AND text IS NULL))
);
-- The interactions a feed item lists (one post, newest first) and a joining member's fan-in.
CREATE INDEX ix_feed_interactions_post ON feed_interactions (post_id, created_at, id);
CREATE INDEX ix_feed_interactions_user ON feed_interactions (user_id, created_at);

-- Derived, rebuildable from feed_interactions and feed_group_members: one row per group, post
-- and member holding that member's contribution, i.e. the time each interaction type was first
-- used (null: not used) and latest_at, the latest of those times. Reads apply viewer, membership,
-- window and weights to these rows; a policy change rewrites nothing.
CREATE TABLE feed_contributions (
    group_id     varchar(64)              NOT NULL,
    post_id      varchar(64)              NOT NULL,
    member_id    varchar(64)              NOT NULL,
    liked_at     timestamp with time zone,
    commented_at timestamp with time zone,
    shared_at    timestamp with time zone,
    latest_at    timestamp with time zone,
    CONSTRAINT pk_feed_contributions PRIMARY KEY (group_id, post_id, member_id),
    CONSTRAINT fk_feed_contributions_group FOREIGN KEY (group_id) REFERENCES feed_groups (id),
    CONSTRAINT fk_feed_contributions_post FOREIGN KEY (post_id) REFERENCES feed_posts (id),
    CONSTRAINT fk_feed_contributions_member FOREIGN KEY (member_id) REFERENCES customers (id)
);
-- A feed read: the viewer's groups' contributions still inside the window.
CREATE INDEX ix_feed_contributions_group_latest ON feed_contributions (group_id, latest_at);
-- A leaving member's rows.
CREATE INDEX ix_feed_contributions_member ON feed_contributions (member_id, group_id);

-- The preset policy: exactly one row (id 1), read on every feed read.
CREATE TABLE feed_policy (
    id                      integer                  NOT NULL,
    min_interacting_members integer                  NOT NULL,
    window_hours            integer                  NOT NULL,
    like_weight             integer                  NOT NULL,
    comment_weight          integer                  NOT NULL,
    share_weight            integer                  NOT NULL,
    min_score               integer                  NOT NULL,
    updated_at              timestamp with time zone NOT NULL,
    CONSTRAINT pk_feed_policy PRIMARY KEY (id),
    CONSTRAINT ck_feed_policy_single CHECK (id = 1),
    CONSTRAINT ck_feed_policy_min_members CHECK (min_interacting_members >= 1),
    CONSTRAINT ck_feed_policy_window CHECK (window_hours BETWEEN 1 AND 8760),
    CONSTRAINT ck_feed_policy_weights CHECK (like_weight >= 0 AND comment_weight >= 0 AND share_weight >= 0),
    CONSTRAINT ck_feed_policy_min_score CHECK (min_score >= 0)
);
INSERT INTO feed_policy (id, min_interacting_members, window_hours, like_weight, comment_weight, share_weight, min_score, updated_at)
    VALUES (1, 2, 72, 1, 2, 3, 2, CURRENT_TIMESTAMP);
