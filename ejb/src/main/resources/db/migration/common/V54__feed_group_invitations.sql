-- Groups by invitation (DESIGN.md "Social feed", release 2): a member names someone, who becomes a
-- member only by accepting. The invitee is any well-formed id, deliberately not a reference to
-- customers: an invitation of an id that is no customer is stored the same way and simply never
-- accepted, so no answer reveals who is a customer.
CREATE TABLE feed_group_invitations (
    id         varchar(64)              NOT NULL,
    group_id   varchar(64)              NOT NULL,
    invitee_id varchar(64)              NOT NULL,
    invited_by varchar(64)              NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feed_group_invitations PRIMARY KEY (id),
    CONSTRAINT uq_feed_group_invitations_once UNIQUE (group_id, invitee_id),
    CONSTRAINT fk_feed_group_invitations_group FOREIGN KEY (group_id) REFERENCES feed_groups (id),
    CONSTRAINT fk_feed_group_invitations_by FOREIGN KEY (invited_by) REFERENCES customers (id)
);
-- The invitee's pending invitations, oldest first.
CREATE INDEX ix_feed_group_invitations_invitee ON feed_group_invitations (invitee_id, created_at, id);
