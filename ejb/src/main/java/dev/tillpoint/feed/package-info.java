/**
 * The social feed (DESIGN.md "Social feed"): groups of customers joined by invitation, posts
 * (media), interactions, the preset policy and the ranked feed.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Groups are joined only by accepting an invitation: the creator is the only member at
 *       first, everyone else named (and anyone a member invites later) is invited. An invitation
 *       takes any well-formed id, customer or not, stored alike and answered alike, so no answer
 *       tells who is a customer; an id that is no customer never joins. No group can therefore read
 *       the interactions of someone who did not join it.</li>
 *   <li>Interactions are the stored facts. Recording one, marking it pending for the aggregation
 *       ({@code feed_pending_interactions}) and enqueueing its event ({@code FEED_INTERACTION} v1 on
 *       {@code FEED_INTERACTIONS}) is one transaction (the outbox); a LIKE or SHARE repeated by a
 *       user changes nothing (a unique constraint, written with an insert that skips the
 *       duplicate).</li>
 *   <li>Aggregates are derived and rebuildable. Per group, post and member, a
 *       {@link dev.tillpoint.feed.Contribution} holds when each interaction type was first used; per
 *       group and post, a summary ({@code feed_post_summaries}) holds how many members contributed,
 *       how many used each type, the earliest and latest first use, the author and whether the
 *       author is a member now; per group, a copy of each of its members' interactions
 *       ({@code feed_group_interactions}), what an item lists and counts. An event wakes the aggregation, which takes the pending
 *       interactions in batches of {@link dev.tillpoint.feed.FeedAggregation#BATCH_SIZE}, one
 *       transaction each (its contributions written in JDBC batches, no managed entity left for
 *       Hibernate to dirty-check before each statement), fans each out to every group its user is
 *       in now and recomputes the summaries it moved; the pending row makes it once per
 *       interaction (and the copy's key, once per group). A member who joins is
 *       fanned into that group (their interactions of the last
 *       {@link dev.tillpoint.feed.FeedPolicy#MAX_WINDOW_HOURS} hours); one who leaves takes their
 *       contributions and interactions there with them. An item's interactions, like its score,
 *       show once aggregated. Writers lock membership rows (by group and member), then
 *       summary rows (by group and post), always in that order, taken up front.</li>
 *   <li>A read applies the viewer (their own posts and contributions never count), membership at
 *       read time (of viewer, contributor and author: a post counts only in groups its author is
 *       not in), the window and the weights. A member's part of the score is the sum of the weights
 *       of the types they first used inside the window (ten comments weigh as one; a repeated
 *       comment does not renew a member's presence in the window). A policy change rewrites
 *       nothing and applies to the next read: summaries hold counts, not scores.</li>
 *   <li>A read does database work proportional to the page, not to the history: three indexed
 *       statements, for a first page as for a later one (the viewer's groups with their members as
 *       they are now, each group's version and the policy, in one; the viewer's own contributions
 *       among the best candidates; the page's interactions with their counts, per item one range
 *       scan of its group's copy, newest first and limited to those shown (the viewer's own in the
 *       window skipped on the way), and one count of the window's range from an index alone,
 *       whatever plan the database picks: {@link dev.tillpoint.feed.PageInteractions}), the rest
 *       from memory. Every candidate post's rankScore is bounded from the summaries of the viewer's
 *       groups (its counts weighed as if all inside the window, aged from the latest first use),
 *       which each server holds in memory ({@link dev.tillpoint.feed.GroupSummaries}), reloading a
 *       group only when the version the read found has moved, and prepared per policy and
 *       membership (those that could meet the policy, best bound first, bounds taken as of a
 *       minute earlier so that they hold for every read ranked since), so that a read merges the
 *       best of each group instead of weighing all of them; the best few posts are scored exactly,
 *       and more are taken only while a left-out bound could still beat the page (each round
 *       scoring only the posts new to it). A post's bound is its best over the viewer's groups,
 *       while its item is under the group where it scores highest, so bounds can be loose and a
 *       later page may score most candidates, in memory. A summary is its
 *       exact score when all its first uses lie inside the window and at or before the ranking
 *       instant and the viewer has none in it (weights times counts, from memory); the others are
 *       recomputed from their contributions in one more query. The author rule uses the members
 *       read with the page. Posts never change once published and are held in memory
 *       ({@link dev.tillpoint.feed.PostViews}). Staleness: none, on every server: memory is used
 *       only at the version the read's own statement saw.</li>
 *   <li>Every transaction that changes a group's summaries (an aggregation batch, a join, a
 *       leave) raises the group's version ({@code feed_group_versions}) as its last writes, in
 *       group order, after its membership and summary locks.</li>
 *   <li>The feed is ranked as of one instant, carried by the signed cursor:
 *       {@code rankScore = score / (ageHours + 2)^1.5} with {@code ageHours} from the group's latest
 *       first use to that instant. Only first uses at or before it count, so later pages rank
 *       exactly as the first page did, however many interactions arrive meanwhile.</li>
 *   <li>Bounds: group names 100 characters, 200 members named at creation, titles 200, summaries
 *       2 000, comments 1 000, URLs 2 048 and http(s) only, feed pages 1..50, 20 interactions
 *       listed per item (with the total count).</li>
 * </ul>
 */
package dev.tillpoint.feed;
