package dev.tillpoint.feed;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * Each group's summaries ({@code feed_post_summaries}), held in memory for a moment: what a feed
 * read bounds its candidates from, so that a read costs the database the page's posts, not every
 * post of every group of the viewer. Only the choice of candidates comes from here; the posts a page
 * shows are scored from the database as it is.
 *
 * <p>Kept right: a transaction of this server that changes a group's summaries drops the group
 * from here when it commits (and a load that raced it is not kept), so on one server a read sees
 * every committed change. Changes committed by another server are seen once the entry is older
 * than {@code tillpoint.feed.summary-cache-millis} (default 500, at most 1000): the bound on how
 * late a post enters the feed there, within DESIGN.md's "the feed reflects it within a second".
 * At most {@link #MAX_GROUPS} groups are held; beyond, everything is dropped and reloaded on demand.
 */
@ApplicationScoped
public class GroupSummaries {

    static final String TTL_PROPERTY = "tillpoint.feed.summary-cache-millis";
    static final int MAX_GROUPS = 20_000;

    /** One group's summary of one post, as stored. */
    record Row(String groupId, String postId, String authorId, boolean authorMember, int members, int liked,
            int commented, int shared, Instant earliestAt, Instant latestAt) {
    }

    private record Entry(long loadedAtNanos, List<Row> rows) {
    }

    @Inject
    Config config;

    private final Map<String, Entry> groups = new ConcurrentHashMap<>();
    /** Per group, bumped by every committed change: a load that started before one is not kept. */
    private final Map<String, AtomicLong> changes = new ConcurrentHashMap<>();
    private long ttlNanos;

    @PostConstruct
    void configure() {
        long millis = config.getOptionalValue(TTL_PROPERTY, Long.class).orElse(500L);
        if (millis < 0 || millis > 1000) {
            throw new IllegalStateException(TTL_PROPERTY + " must be 0..1000 (the feed reflects a change within a second)");
        }
        ttlNanos = millis * 1_000_000L;
    }

    /** The group's rows, from memory while fresh, else from {@code load} (the database). */
    List<Row> of(String groupId, Supplier<List<Row>> load) {
        Entry entry = groups.get(groupId);
        long now = System.nanoTime();
        if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
            return entry.rows();
        }
        long before = changeCount(groupId);
        List<Row> rows = List.copyOf(load.get());
        if (changeCount(groupId) == before) {
            if (groups.size() >= MAX_GROUPS) {
                groups.clear();
            }
            groups.put(groupId, new Entry(now, rows));
        }
        return rows;
    }

    /** A transaction of this server committed a change to these groups' summaries. */
    void changed(Collection<String> groupIds) {
        for (String groupId : groupIds) {
            changes.computeIfAbsent(groupId, id -> new AtomicLong()).incrementAndGet();
            groups.remove(groupId);
        }
    }

    private long changeCount(String groupId) {
        AtomicLong count = changes.get(groupId);
        return count == null ? 0 : count.get();
    }
}
