-- Per group, a number that every transaction changing the group's summaries (an aggregation batch,
-- a member joining or leaving) raises as its last write: a feed read reads it with the viewer's
-- memberships, in the same statement, and reloads a group's summaries into memory only when it
-- moved, so that every server's memory is exactly as fresh as the read's own snapshot without
-- reading the summaries on every read.
CREATE TABLE feed_group_versions (
    group_id varchar(64) NOT NULL,
    version  bigint      NOT NULL,
    CONSTRAINT pk_feed_group_versions PRIMARY KEY (group_id),
    CONSTRAINT fk_feed_group_versions_group FOREIGN KEY (group_id) REFERENCES feed_groups (id)
);

INSERT INTO feed_group_versions (group_id, version) SELECT id, 0 FROM feed_groups;
