-- A feed page lists, per item, the interactions of its group's members on its post: found by post
-- and member (a group's few members), newest first, instead of scanning every interaction of the
-- post and dropping those of non-members.
CREATE INDEX ix_feed_interactions_post_user ON feed_interactions (post_id, user_id, created_at);
