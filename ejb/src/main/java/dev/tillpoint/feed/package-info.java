/**
 * The social feed (DESIGN.md "Social feed"): groups of customers, posts (media), interactions,
 * the preset policy and the ranked feed.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Interactions are the stored facts. Recording one and enqueueing its event
 *       ({@code FEED_INTERACTION} v1 on {@code FEED_INTERACTIONS}) is one transaction (the outbox);
 *       a LIKE or SHARE repeated by a user changes nothing (a unique constraint, written with an
 *       insert that skips the duplicate).</li>
 *   <li>Aggregates ({@link dev.tillpoint.feed.Contribution}) are derived and rebuildable: per group,
 *       post and member, the time each interaction type was first used. The event's consumer fans
 *       an interaction out to every group its user is in (idempotent by message id); a member who
 *       joins is fanned into that group (their interactions of the last
 *       {@link dev.tillpoint.feed.FeedPolicy#MAX_WINDOW_HOURS} hours); a member who leaves takes
 *       their contributions in that group with them. Nothing else is recomputed.</li>
 *   <li>A read applies the viewer (their own posts and contributions never count), membership at
 *       read time (of viewer, contributor and author: a post counts only in groups its author is
 *       not in), the window and the weights. A member's part of the score is the sum of the weights
 *       of the types they first used inside the window (ten comments weigh as one; a repeated
 *       comment does not renew a member's presence in the window). A policy change rewrites
 *       nothing and applies to the next read.</li>
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
