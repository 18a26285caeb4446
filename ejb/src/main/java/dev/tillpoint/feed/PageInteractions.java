package dev.tillpoint.feed;

import dev.tillpoint.shared.StoredTime;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the items of one feed page list: per item, the interactions inside the window of the other
 * members of its group, newest first (at most {@link FeedService#MAX_SHOWN_INTERACTIONS}), and how
 * many there are, read from the group's copy of its members' interactions
 * ({@code feed_group_interactions}, kept by the aggregation) in one statement.
 *
 * <p>The statement is a union of two branches per item, each an index range scan of
 * (group, post, time) whatever plan the database picks, generic or custom: the newest rows with a
 * limit, and the count of the window's range, from the index alone (the user is its last column).
 * So a read visits the rows it shows and the index entries it counts, never another post's or
 * another group's, and probes no membership: the copy holds exactly the current members'
 * interactions. Items are padded to a few fixed sizes with an id that matches nothing, so the
 * statement's text, which the driver prepares once per connection, does not change with the page.
 */
final class PageInteractions {

    /** The statement's sizes (and {@link ItemInteractions}' loading one's): a page is padded to the first that holds it. */
    static final int[] SLOTS = {10, 20, FeedService.MAX_LIMIT};
    /** Pads the slots a page leaves free: no group or post has the empty id. */
    static final String NOTHING = "";
    private static final Map<Integer, String> STATEMENTS = new HashMap<>();

    static {
        for (int slots : SLOTS) {
            STATEMENTS.put(slots, statement(slots));
        }
    }

    private PageInteractions() {
    }

    /** What one item lists: the newest interactions shown and how many there are in all. */
    record Shown(long total, List<FeedItem.Shown> newest) {
        static final Shown NONE = new Shown(0, List.of());
    }

    /** One item of the page: a post under a group. */
    record Item(String postId, String groupId) {
    }

    /** A listed row with what orders it: newest first, ties by interaction id, descending. */
    private record Row(FeedItem.Shown shown, String interactionId) {
        static final Comparator<Row> NEWEST_FIRST = Comparator.comparing((Row row) -> row.shown().at())
                .thenComparing(Row::interactionId).reversed();
    }

    /**
     * Per post of the page (each post is on a page once), what its item lists, as of the window
     * {@code (windowStart, asOf]}; posts without interactions there are left out.
     */
    static Map<String, Shown> of(EntityManager em, String viewerId, List<Item> page, Instant windowStart,
            Instant asOf) {
        int slots = slotsFor(page.size());
        Query query = em.createNativeQuery(STATEMENTS.get(slots))
                .setParameter("viewerId", viewerId)
                .setParameter("windowStart", windowStart)
                .setParameter("asOf", asOf);
        for (int i = 0; i < slots; i++) {
            Item item = i < page.size() ? page.get(i) : new Item(NOTHING, NOTHING);
            query.setParameter("p" + i, item.postId()).setParameter("g" + i, item.groupId());
        }
        Map<String, Long> totals = new HashMap<>();
        Map<String, List<Row>> rows = new HashMap<>();
        for (Object result : query.getResultList()) {
            Object[] c = (Object[]) result;
            String postId = (String) c[0];
            if (c[6] != null) {
                totals.put(postId, ((Number) c[6]).longValue());
            } else {
                rows.computeIfAbsent(postId, post -> new ArrayList<>()).add(new Row(new FeedItem.Shown((String) c[1],
                        InteractionType.valueOf((String) c[2]), (String) c[3], StoredTime.fromColumn(c[4])),
                        (String) c[5]));
            }
        }
        Map<String, Shown> shown = new HashMap<>();
        rows.forEach((postId, listed) -> {
            listed.sort(Row.NEWEST_FIRST);
            shown.put(postId, new Shown(totals.getOrDefault(postId, (long) listed.size()),
                    listed.stream().map(Row::shown).toList()));
        });
        return shown;
    }

    static int slotsFor(int items) {
        for (int slots : SLOTS) {
            if (items <= slots) {
                return slots;
            }
        }
        throw new IllegalArgumentException("a page of at most " + FeedService.MAX_LIMIT + " items: " + items);
    }

    /**
     * Per slot {@code i} (post {@code :p<i>} under group {@code :g<i>}): a row with the count
     * (column 7 set, the others but the post null), then the newest rows (column 7 null).
     */
    static String statement(int slots) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < slots; i++) {
            String range = " from feed_group_interactions where group_id = :g" + i + " and post_id = :p" + i
                    + " and created_at > :windowStart and created_at <= :asOf and user_id <> :viewerId";
            sql.append(i == 0 ? "" : " union all ")
                    .append("(select cast(:p").append(i).append(" as varchar(64)) as post_id,")
                    .append(" cast(null as varchar(64)) as user_id, cast(null as varchar(8)) as type,")
                    .append(" cast(null as varchar(1000)) as text, cast(null as timestamp with time zone) as created_at,")
                    .append(" cast(null as varchar(64)) as interaction_id, count(*) as total").append(range).append(")")
                    .append(" union all (select post_id, user_id, type, text, created_at, interaction_id,")
                    .append(" cast(null as bigint)").append(range)
                    .append(" order by created_at desc, interaction_id desc limit ")
                    .append(FeedService.MAX_SHOWN_INTERACTIONS).append(")");
        }
        return sql.toString();
    }
}
