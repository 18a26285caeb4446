package dev.tillpoint.feed;

import dev.tillpoint.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a feed item lists, from memory: per (group, post), the group's copy of its members'
 * interactions ({@code feed_group_interactions}) as of the group's version, enough to answer any
 * window and any viewer exactly: every row's time and user (for the count), and the newest
 * {@link #NEWEST_HELD} rows in full (the {@link FeedService#MAX_SHOWN_INTERACTIONS} shown, and as
 * many spare for the viewer's own, which are skipped). When the spare is not enough (the viewer's
 * own or rows after the ranking instant among the newest held) the item is read from the database
 * ({@link PageInteractions}), as it is when the window reaches back past what is held.
 *
 * <p>Exact by version, on every server: every transaction that writes a group's copy (an
 * aggregation batch, a repeated comment included; a join's fan-in; a leave) raises the group's
 * version as its last write, and a read finds the versions of the viewer's groups in its own
 * statement. An item held at an older version than the read found is loaded again, the misses
 * of a page in one statement; rows loaded after the read's statement are at least as fresh as its
 * version. At most {@link #MAX_ITEMS} items are held; beyond, everything is dropped and loaded
 * again on demand.
 */
@ApplicationScoped
public class ItemInteractions {

    /** An item holds up to 40 rows in full and every row's time and user: some kilobytes, so tens of megabytes at most. */
    static final int MAX_ITEMS = 10_000;
    /**
     * Rows an item may have in the last {@link FeedPolicy#MAX_WINDOW_HOURS} hours to be held; a
     * busier item is held only as too busy and always read from its group's copy
     * ({@link PageInteractions}), so that memory is bounded by rows, not only by items, and a hot
     * item's reload after every aggregation batch reads no more than this many index entries.
     */
    static final int MAX_HELD_ROWS = 2_000;
    /** Rows held in full per item: those shown, and as many again for the viewer's own to be skipped. */
    static final int NEWEST_HELD = 2 * FeedService.MAX_SHOWN_INTERACTIONS;
    /** The load statement per size of {@link PageInteractions#SLOTS}: a page's misses are padded to the first that holds them. */
    private static final Map<Integer, String> STATEMENTS = new HashMap<>();

    static {
        for (int slots : PageInteractions.SLOTS) {
            STATEMENTS.put(slots, statement(slots));
        }
    }

    /** One item of a page: a post under a group, at the group's version the read found (null: none). */
    record Item(String postId, String groupId, Long version) {
    }

    /** A row held in full, with what orders it: newest first, ties by interaction id, descending. */
    record Full(FeedItem.Shown shown, String interactionId) {
        static final Comparator<Full> NEWEST_FIRST = Comparator.comparing((Full row) -> row.shown().at())
                .thenComparing(Full::interactionId).reversed();
    }

    /**
     * One item's rows after {@code horizon}, at {@code version}: every row's time and user, and
     * the newest ones in full, newest first ({@code whole} when that is every row).
     */
    record Held(long version, Instant horizon, Instant[] ats, String[] users, List<Full> newest, boolean whole,
            boolean tooBusy) {

        /**
         * Held from every row's time and user (in the same order) and the newest rows in full, in
         * any order (at most {@link #NEWEST_HELD}).
         */
        static Held of(long version, Instant horizon, List<Instant> ats, List<String> users, List<Full> newest) {
            if (ats.size() > MAX_HELD_ROWS) {
                return new Held(version, horizon, new Instant[0], new String[0], List.of(), false, true);
            }
            List<Full> full = new ArrayList<>(newest);
            full.sort(Full.NEWEST_FIRST);
            return new Held(version, horizon, ats.toArray(Instant[]::new), users.toArray(String[]::new),
                    List.copyOf(full), full.size() >= ats.size(), false);
        }

        /** What the item lists for this viewer and window, or null when the rows held cannot tell. */
        PageInteractions.Shown shown(String viewerId, Instant windowStart, Instant asOf) {
            if (tooBusy || windowStart.isBefore(horizon)) {
                return null;
            }
            long total = 0;
            for (int i = 0; i < ats.length; i++) {
                if (ats[i].isAfter(windowStart) && !ats[i].isAfter(asOf) && !users[i].equals(viewerId)) {
                    total++;
                }
            }
            if (total == 0) {
                return PageInteractions.Shown.NONE;
            }
            List<FeedItem.Shown> listed = new ArrayList<>(FeedService.MAX_SHOWN_INTERACTIONS);
            for (Full row : newest) {
                Instant at = row.shown().at();
                if (!at.isAfter(windowStart)) {
                    return new PageInteractions.Shown(total, listed);
                }
                if (!at.isAfter(asOf) && !row.shown().userId().equals(viewerId)) {
                    listed.add(row.shown());
                    if (listed.size() == FeedService.MAX_SHOWN_INTERACTIONS) {
                        return new PageInteractions.Shown(total, listed);
                    }
                }
            }
            return whole ? new PageInteractions.Shown(total, listed) : null;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<Key, Held> items = new ConcurrentHashMap<>();

    private record Key(String groupId, String postId) {
    }

    /**
     * Per post of the page (each post is on a page once), what its item lists, as of the window
     * {@code (windowStart, asOf]}; posts without interactions there are left out.
     */
    Map<String, PageInteractions.Shown> of(String viewerId, List<Item> page, Instant windowStart, Instant asOf) {
        Map<String, PageInteractions.Shown> shown = new HashMap<>();
        List<Item> missing = new ArrayList<>();
        // Held, but what is held cannot tell (the window reaches back past it, or the viewer's own and
        // rows after the ranking instant take up the spare): a load would find the same rows.
        List<PageInteractions.Item> fromDatabase = new ArrayList<>();
        for (Item item : page) {
            Held held = items.get(new Key(item.groupId(), item.postId()));
            if (item.version() != null && held != null && held.version() >= item.version()) {
                answer(item, held.shown(viewerId, windowStart, asOf), shown, fromDatabase);
            } else {
                missing.add(item);
            }
        }
        if (!missing.isEmpty()) {
            Map<Key, Held> loaded = load(missing);
            for (Item item : missing) {
                answer(item, loaded.get(new Key(item.groupId(), item.postId())).shown(viewerId, windowStart, asOf), shown,
                        fromDatabase);
            }
        }
        if (!fromDatabase.isEmpty()) {
            shown.putAll(PageInteractions.of(em, viewerId, fromDatabase, windowStart, asOf));
        }
        return shown;
    }

    private static void answer(Item item, PageInteractions.Shown answered, Map<String, PageInteractions.Shown> shown,
            List<PageInteractions.Item> fromDatabase) {
        if (answered == null) {
            fromDatabase.add(new PageInteractions.Item(item.postId(), item.groupId()));
        } else if (answered.total() > 0) {
            shown.put(item.postId(), answered);
        }
    }

    /**
     * The items' rows after the horizon, in one statement, held (unless their version is
     * unknown); an item without rows is held empty.
     */
    private Map<Key, Held> load(List<Item> missing) {
        Instant horizon = clock.instant().minus(Duration.ofHours(FeedPolicy.MAX_WINDOW_HOURS));
        Map<Key, List<Instant>> ats = new HashMap<>();
        Map<Key, List<String>> users = new HashMap<>();
        Map<Key, List<Full>> newest = new HashMap<>();
        for (int from = 0; from < missing.size(); from += FeedService.MAX_LIMIT) {
            List<Item> chunk = missing.subList(from, Math.min(missing.size(), from + FeedService.MAX_LIMIT));
            int slots = PageInteractions.slotsFor(chunk.size());
            Query query = em.createNativeQuery(STATEMENTS.get(slots)).setParameter("horizon", horizon);
            for (int i = 0; i < slots; i++) {
                Item item = i < chunk.size() ? chunk.get(i) : new Item(PageInteractions.NOTHING, PageInteractions.NOTHING, null);
                query.setParameter("p" + i, item.postId()).setParameter("g" + i, item.groupId());
            }
            for (Object result : query.getResultList()) {
                Object[] c = (Object[]) result;
                Key key = new Key((String) c[1], (String) c[0]);
                Instant at = StoredTime.fromColumn(c[2]);
                if (c[4] == null) {
                    ats.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
                    users.computeIfAbsent(key, k -> new ArrayList<>()).add((String) c[3]);
                } else {
                    newest.computeIfAbsent(key, k -> new ArrayList<>()).add(new Full(new FeedItem.Shown((String) c[3],
                            InteractionType.valueOf((String) c[5]), (String) c[6], at), (String) c[4]));
                }
            }
        }
        Map<Key, Held> loaded = new HashMap<>();
        for (Item item : missing) {
            Key key = new Key(item.groupId(), item.postId());
            Held held = Held.of(item.version() == null ? -1 : item.version(), horizon, ats.getOrDefault(key, List.of()),
                    users.getOrDefault(key, List.of()), newest.getOrDefault(key, List.of()));
            loaded.put(key, held);
            if (item.version() != null) {
                if (items.size() >= MAX_ITEMS) {
                    items.clear();
                }
                // Loaded after the read's statement, so at least as fresh as the version it found.
                items.merge(key, held, (kept, fresh) -> kept.version() >= fresh.version() ? kept : fresh);
            }
        }
        return loaded;
    }

    /**
     * Per slot {@code i} (post {@code :p<i>} under group {@code :g<i>}), each an index range scan
     * of the group's copy: every row's time and user after the horizon, newest first, up to one
     * more than {@link #MAX_HELD_ROWS} (column 5 null; from the index alone), then the newest
     * {@link #NEWEST_HELD} rows in full.
     */
    static String statement(int slots) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < slots; i++) {
            String range = " from feed_group_interactions where group_id = :g" + i + " and post_id = :p" + i
                    + " and created_at > :horizon";
            sql.append(i == 0 ? "" : " union all ")
                    .append("(select cast(:p").append(i).append(" as varchar(64)) as post_id,")
                    .append(" cast(:g").append(i).append(" as varchar(64)) as group_id, created_at, user_id,")
                    .append(" cast(null as varchar(64)) as interaction_id, cast(null as varchar(8)) as type,")
                    .append(" cast(null as varchar(1000)) as text").append(range)
                    .append(" order by created_at desc limit ").append(MAX_HELD_ROWS + 1).append(")")
                    .append(" union all (select post_id, group_id, created_at, user_id, interaction_id, type, text")
                    .append(range).append(" order by created_at desc, interaction_id desc limit ")
                    .append(NEWEST_HELD).append(")");
        }
        return sql.toString();
    }
}
