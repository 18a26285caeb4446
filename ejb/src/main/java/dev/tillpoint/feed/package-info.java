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
 *   <li>A read does database work proportional to the page, not to the history: one statement of
 *       a row per group when what it needs is held (the viewer's groups, each group's version and
 *       the policy), everything else from memory held by version, on each server:
 *       each group's members ({@link dev.tillpoint.feed.GroupMembers}) and summaries
 *       ({@link dev.tillpoint.feed.GroupSummaries}), each item's interactions per group and post
 *       ({@link dev.tillpoint.feed.ItemInteractions}: every row's time and user, the newest 40 in
 *       full; an item with more than 2 000 rows in the last year is held only as too busy), the
 *       viewer's own contributions
 *       ({@link dev.tillpoint.feed.ViewerContributions}, by the versions of all their groups) and
 *       the posts, which never change once published ({@link dev.tillpoint.feed.PostViews}).
 *       What is not held at the version the read found (or is held at an older one) is loaded
 *       again, in one statement per kind for the read's misses (the members of the groups that
 *       moved; the page's items, per item one index range scan of its group's copy; the viewer's
 *       contributions, fixed text); an item whose held rows cannot tell (the viewer's own or rows
 *       after the ranking instant take up the spare, or it is too busy) is read as before
 *       ({@link dev.tillpoint.feed.PageInteractions}). Every candidate post's rankScore is bounded
 *       from the summaries (its counts weighed as if all inside the window, aged from the latest
 *       first use), prepared per group, policy and membership (those that could meet the policy,
 *       best bound first, bounds taken as of a minute earlier so that they hold for every read
 *       ranked since), so that a read merges the best of each group instead of weighing all of
 *       them; the best few posts are scored exactly, and more are taken only while a left-out
 *       bound could still beat the page (each round scoring only the posts new to it). A summary
 *       is its exact score when all its first uses lie inside the window and at or before the
 *       ranking instant and the viewer has none in it (weights times counts, from memory); one
 *       whose latest first use is before the window scores nothing; the others are recomputed
 *       from their contributions in one more query (fixed text per size class). The merged
 *       candidates are shared by a viewer's reads while the versions, the policy and the groups'
 *       preparations stay, and the ranking as of one instant by the reads ranked as of it (later
 *       pages, repeated cursors) ({@link dev.tillpoint.feed.ViewerRankings}): exact, as everything
 *       a ranking is made of changes only with a version, and a score counts only first uses at or
 *       before the ranking instant. Staleness: none, on every server: memory is used only at the
 *       version the read's own statement saw or later (what is loaded after that statement is at
 *       least as fresh). Held memory is bounded (per kind a cap of groups, items or viewers; beyond,
 *       all of that kind is dropped and loaded again on demand).</li>
 *   <li>Every transaction that changes what a read holds of a group (its summaries, its members,
 *       its copy of interactions, a repeated comment included, or its members' contributions: an
 *       aggregation batch, a join, a leave) raises the group's version
 *       ({@code feed_group_versions}) as its last writes, in group order, after its membership and
 *       summary locks.</li>
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
