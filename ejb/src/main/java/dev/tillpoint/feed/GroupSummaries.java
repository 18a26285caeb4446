package dev.tillpoint.feed;

import dev.tillpoint.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each group's summaries ({@code feed_post_summaries}), held in memory: what a feed read bounds
 * and scores its candidates from, so that a read costs the database the page, not every post of
 * every group of the viewer.
 *
 * <p>Per policy and membership, a group's summaries are also held prepared: filtered to those
 * that could meet the policy and ranked by the bound of their rankScore ({@link Prepared}), so
 * that a read merges the best of each group instead of weighing all of them.
 *
 * <p>Kept exact by version, on every server alike: each transaction that changes a group's
 * summaries raises the group's version ({@code feed_group_versions}) as its last write, and a read
 * gets the versions of the viewer's groups with its memberships, in one statement. A group whose
 * version moved since its rows were loaded is loaded again (by that read, from the database), so
 * a read never uses summaries older than its own snapshot, whichever server committed the change.
 * At most {@link #MAX_GROUPS} groups are held; beyond, everything is dropped and reloaded on demand.
 */
@ApplicationScoped
public class GroupSummaries {

    static final int MAX_GROUPS = 20_000;

    /** One group's summary of one post, as stored. */
    record Row(String groupId, String postId, String authorId, boolean authorMember, int members, int liked,
            int commented, int shared, Instant earliestAt, Instant latestAt) {
    }

    /** A summary that could meet the policy: its score if all inside the window, and its rankScore bound. */
    record Bounded(Row row, long upperScore, double bound) {
    }

    /**
     * A group's summaries prepared for one policy and one membership, as of {@code at}: those that
     * could meet the policy in a post of a third account (its author not a member; the viewer is
     * a member), each with the bound of its rankScore as of {@code at}, best first (ties by post
     * id). A bound as of {@code at} bounds the rankScore as of any later instant too (the age only
     * grows), so one preparation serves every read ranked at or after {@code at}.
     */
    record Prepared(FeedPolicy policy, Set<String> members, Instant at, List<Bounded> best,
            Map<String, Bounded> byPost) {
    }

    private static final class Entry {
        final long version;
        final List<Row> rows;
        volatile Prepared prepared;

        Entry(long version, List<Row> rows) {
            this.version = version;
            this.rows = rows;
        }
    }

    /** A preparation is made as of this long before now, so that reads ranked a little earlier can use it... */
    static final Duration PREPARED_EARLY = Duration.ofSeconds(60);
    /** ... and is made again once this old, so that its bounds stay tight. */
    static final Duration PREPARED_FOR = Duration.ofSeconds(120);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<String, Entry> groups = new ConcurrentHashMap<>();

    /**
     * The group's summaries at {@code version} or later, prepared for {@code policy} and
     * {@code members} (the group's members as the read found them, the viewer among them) as of
     * an instant at or before {@code asOf}: from memory when held so, else prepared now (and held,
     * unless {@code asOf} lies before what is held, as for a later page of an old first page).
     */
    Prepared prepared(String groupId, Long version, Set<String> members, FeedPolicy policy, Instant asOf) {
        Entry entry = entry(groupId, version);
        Prepared held = entry.prepared;
        Instant now = clock.instant();
        if (held != null && !asOf.isBefore(held.at()) && held.at().isAfter(now.minus(PREPARED_FOR))
                && held.policy().equals(policy) && held.members().equals(members)) {
            return held;
        }
        Instant early = now.minus(PREPARED_EARLY);
        if (asOf.isBefore(early)) {
            return prepare(entry.rows, members, policy, asOf);
        }
        Prepared prepared = prepare(entry.rows, members, policy, early);
        entry.prepared = prepared;
        return prepared;
    }

    private static Prepared prepare(List<Row> rows, Set<String> members, FeedPolicy policy, Instant at) {
        Instant windowStart = at.minus(policy.window());
        long like = policy.weightOf(InteractionType.LIKE);
        long comment = policy.weightOf(InteractionType.COMMENT);
        long share = policy.weightOf(InteractionType.SHARE);
        List<Bounded> best = new ArrayList<>();
        for (Row row : rows) {
            if (row.members() < policy.minInteractingMembers() || !row.latestAt().isAfter(windowStart)
                    || members.contains(row.authorId())) {
                continue;
            }
            long upperScore = like * row.liked() + comment * row.commented() + share * row.shared();
            if (upperScore < policy.minScore()) {
                continue;
            }
            Instant latest = row.latestAt().isAfter(at) ? at : row.latestAt();
            best.add(new Bounded(row, upperScore, FeedRanking.rankScore(upperScore, latest, at)));
        }
        best.sort(GroupSummaries::bestFirst);
        Map<String, Bounded> byPost = new HashMap<>(best.size() * 2);
        best.forEach(bounded -> byPost.put(bounded.row().postId(), bounded));
        return new Prepared(policy, Set.copyOf(members), at, List.copyOf(best), byPost);
    }

    /** Best bound first, ties by post id (the feed's order). */
    static int bestFirst(Bounded a, Bounded b) {
        int byBound = Double.compare(b.bound(), a.bound());
        return byBound != 0 ? byBound : a.row().postId().compareTo(b.row().postId());
    }

    private Entry entry(String groupId, Long version) {
        Entry entry = groups.get(groupId);
        if (version != null && entry != null && entry.version >= version) {
            return entry;
        }
        Entry loaded = new Entry(version == null ? -1 : version, List.copyOf(query(groupId)));
        if (version != null) {
            if (groups.size() >= MAX_GROUPS) {
                groups.clear();
            }
            // Loaded after the version was read, so at least that fresh.
            return groups.merge(groupId, loaded, (kept, fresh) -> kept.version >= fresh.version ? kept : fresh);
        }
        return loaded;
    }

    /**
     * The group's summaries with a first use in the last {@link FeedPolicy#MAX_WINDOW_HOURS} hours
     * (no policy's window reaches further back).
     */
    private List<Row> query(String groupId) {
        Instant horizon = clock.instant().minus(Duration.ofHours(FeedPolicy.MAX_WINDOW_HOURS));
        List<?> rows = em.createNativeQuery("select post_id, author_id, author_member, members, liked, commented, shared,"
                        + " earliest_at, latest_at from feed_post_summaries where group_id = :groupId and latest_at > :horizon")
                .setParameter("groupId", groupId)
                .setParameter("horizon", horizon)
                .getResultList();
        List<Row> summaries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            // One String per post across groups: a read looks each candidate post up in every group
            // of the viewer, and a lookup that finds the same instance skips comparing the characters.
            summaries.add(new Row(groupId, ((String) c[0]).intern(), (String) c[1], (Boolean) c[2],
                    ((Number) c[3]).intValue(), ((Number) c[4]).intValue(), ((Number) c[5]).intValue(),
                    ((Number) c[6]).intValue(), StoredTime.fromColumn(c[7]), StoredTime.fromColumn(c[8])));
        }
        return summaries;
    }
}
