package dev.tillpoint.feed;

import dev.tillpoint.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each group's summaries ({@code feed_post_summaries}), held in memory: what a feed read bounds
 * and scores its candidates from, so that a read costs the database the page, not every post of
 * every group of the viewer.
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

    private record Entry(long version, List<Row> rows) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<String, Entry> groups = new ConcurrentHashMap<>();

    /**
     * The group's rows at {@code version} or later: from memory when held at that version, else
     * from the database (kept unless a later version is held already).
     *
     * @param version the group's version as the read found it; null for a group without one (its
     *                rows are then read every time)
     */
    List<Row> of(String groupId, Long version) {
        Entry entry = groups.get(groupId);
        if (version != null && entry != null && entry.version() >= version) {
            return entry.rows();
        }
        List<Row> rows = List.copyOf(query(groupId));
        if (version != null) {
            if (groups.size() >= MAX_GROUPS) {
                groups.clear();
            }
            // Loaded after the version was read, so at least that fresh.
            groups.merge(groupId, new Entry(version, rows), (kept, loaded) -> kept.version() >= loaded.version() ? kept : loaded);
        }
        return rows;
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
            summaries.add(new Row(groupId, (String) c[0], (String) c[1], (Boolean) c[2],
                    ((Number) c[3]).intValue(), ((Number) c[4]).intValue(), ((Number) c[5]).intValue(),
                    ((Number) c[6]).intValue(), StoredTime.fromColumn(c[7]), StoredTime.fromColumn(c[8])));
        }
        return summaries;
    }
}
