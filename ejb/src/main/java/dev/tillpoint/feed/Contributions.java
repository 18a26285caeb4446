package dev.tillpoint.feed;

import dev.tillpoint.shared.Sql;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Writes the per-group aggregates in the caller's transaction: each member's {@link Contribution},
 * the per-(group, post) summary the feed reads candidates from ({@code feed_post_summaries}) and
 * the group's copy of the interaction that a feed item lists ({@code feed_group_interactions}),
 * for the fan-out of one interaction, the fan-in of a joining member's interactions and the removal
 * of a leaving one's.
 *
 * <p>Locks, always in this order and taken up front, so that no two writers deadlock: membership
 * rows by group and member, then summary rows by group and post, and last (the transaction's last
 * writes) the versions of the groups it changed, by group. A summary is recomputed from the contributions
 * of its (group, post) by a statement that starts after its row is locked, so under READ COMMITTED
 * it sees every contribution committed by the writers it waited for: the summary always counts
 * exactly the contributions stored.
 */
@Stateless
public class Contributions {

    /** The latest of the three nullable first uses, without GREATEST, whose handling of nulls differs between databases. */
    private static final String LATEST_OF_THREE = "case"
            + " when liked_at >= coalesce(commented_at, liked_at) and liked_at >= coalesce(shared_at, liked_at) then liked_at"
            + " when commented_at >= coalesce(shared_at, commented_at) then commented_at"
            + " else shared_at end";

    /** Recomputes summaries (alias {@code s}) from their contributions; the caller adds the where clause. */
    private static final String REFRESH_SUMMARIES = "update feed_post_summaries s"
            + " set (members, liked, commented, shared, earliest_at, latest_at) = (select count(*),"
            + " count(c.liked_at), count(c.commented_at), count(c.shared_at),"
            + " least(coalesce(min(c.liked_at), min(c.commented_at), min(c.shared_at)),"
            + " coalesce(min(c.commented_at), min(c.shared_at), min(c.liked_at)),"
            + " coalesce(min(c.shared_at), min(c.liked_at), min(c.commented_at))),"
            + " max(c.latest_at)"
            + " from feed_contributions c where c.group_id = s.group_id and c.post_id = s.post_id)";

    /**
     * Empty summaries of group {@code :groupId} for the posts the caller's where clause names (alias
     * {@code p} for the post), with the post's author and whether the author is a member now.
     */
    private static final String NEW_SUMMARIES = "insert into feed_post_summaries (group_id, post_id, author_id, author_member,"
            + " members, liked, commented, shared)"
            + " select cast(:groupId as varchar(64)), p.id, p.author_id, case when exists (select 1 from feed_group_members a"
            + " where a.group_id = :groupId and a.member_id = p.author_id) then true else false end, 0, 0, 0, 0"
            + " from feed_posts p";

    /** Summaries are locked and refreshed this many posts at a time (bounded IN lists). */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /** One stored interaction to take into the aggregates. */
    public record Taken(String interactionId, String postId, String memberId, InteractionType type, String text,
            Instant at) {
    }

    /** One interaction in one group of its member. */
    private record Work(String groupId, Taken taken) {
        String postId() {
            return taken.postId();
        }

        String memberId() {
            return taken.memberId();
        }

        InteractionType type() {
            return taken.type();
        }

        Instant at() {
            return taken.at();
        }
    }

    private static final Comparator<Work> WORK_ORDER = Comparator.comparing(Work::groupId).thenComparing(Work::postId)
            .thenComparing(Work::memberId).thenComparing(Work::at)
            .thenComparing(work -> work.taken().interactionId());

    /**
     * Takes a batch of interactions into the contribution of each member in every group they are
     * in now, and recomputes the summaries whose first uses moved. The locks are taken up front and
     * in order (memberships by group and member, then summaries by group and post), so parallel
     * batches, joins and leaves wait for each other and never deadlock. Idempotent per interaction:
     * a first use only ever moves back. Plain SQL, no managed entities.
     *
     * @return how many (interaction, group) pairs were taken
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int recordAll(List<Taken> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> users = batch.stream().map(Taken::memberId).distinct().sorted().toList();
        Map<String, List<String>> groupsOf = new HashMap<>();
        for (int from = 0; from < users.size(); from += CHUNK) {
            // Waits for a join or leave of these members in flight, then sees it.
            List<?> rows = em.createNativeQuery("select group_id, member_id from feed_group_members"
                            + " where member_id in :members order by group_id, member_id for update")
                    .setParameter("members", users.subList(from, Math.min(users.size(), from + CHUNK)))
                    .getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                groupsOf.computeIfAbsent((String) columns[1], member -> new ArrayList<>()).add((String) columns[0]);
            }
        }
        List<Work> works = new ArrayList<>();
        for (Taken taken : batch) {
            for (String groupId : groupsOf.getOrDefault(taken.memberId(), List.of())) {
                works.add(new Work(groupId, taken));
            }
        }
        if (works.isEmpty()) {
            return 0;
        }
        works.sort(WORK_ORDER);
        Map<String, SortedSet<String>> postsByGroup = new TreeMap<>();
        works.forEach(work -> postsByGroup.computeIfAbsent(work.groupId(), group -> new TreeSet<>()).add(work.postId()));
        for (Map.Entry<String, SortedSet<String>> group : postsByGroup.entrySet()) {
            List<String> posts = List.copyOf(group.getValue());
            em.createNativeQuery(NEW_SUMMARIES + " where p.id in :postIds on conflict do nothing")
                    .setParameter("groupId", group.getKey())
                    .setParameter("postIds", posts)
                    .executeUpdate();
            lockSummaries(group.getKey(), posts);
        }
        Map<String, SortedSet<String>> moved = new TreeMap<>();
        List<Work> movedWorks = takeAll(works);
        movedWorks.forEach(work -> moved.computeIfAbsent(work.groupId(), group -> new TreeSet<>()).add(work.postId()));
        for (Map.Entry<String, SortedSet<String>> group : moved.entrySet()) {
            refreshLocked(group.getKey(), List.copyOf(group.getValue()));
        }
        // Every group the batch copied an interaction into, not only those whose summaries moved: a
        // repeated comment moves no summary but is a new row of the group's copy, which a read
        // lists and counts from memory held by the group's version (ItemInteractions).
        changed(postsByGroup.keySet());
        return works.size();
    }

    /**
     * The interactions into their groups and their members' contributions, in JDBC batches (one
     * round trip each, in the works' order): copy each interaction into the group
     * ({@code feed_group_interactions}, what a feed item lists; skipped when a joining member's
     * fan-in or an earlier delivery copied it), create the missing contributions, move each first
     * use back where the interaction is older (the update counts tell which moved), then set
     * {@code latest_at} of the contributions that moved. The same statements one by one, without a
     * round trip each.
     *
     * @return the works whose first use moved (a later comment moves nothing, nothing derived changes)
     */
    private List<Work> takeAll(List<Work> works) {
        String key = " where group_id = ? and post_id = ? and member_id = ?";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement copy = connection.prepareStatement("insert into feed_group_interactions"
                    + " (group_id, post_id, created_at, interaction_id, user_id, type, text) values (?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                for (Work work : works) {
                    copy.setString(1, work.groupId());
                    copy.setString(2, work.postId());
                    Sql.setInstant(copy, 3, work.at());
                    copy.setString(4, work.taken().interactionId());
                    copy.setString(5, work.memberId());
                    copy.setString(6, work.type().name());
                    copy.setString(7, work.taken().text());
                    copy.addBatch();
                }
                copy.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into feed_contributions"
                    + " (group_id, post_id, member_id) values (?, ?, ?) on conflict do nothing")) {
                for (Work work : works) {
                    bindKey(insert, 1, work);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<Work> moved = new ArrayList<>();
            for (InteractionType type : InteractionType.values()) {
                List<Work> ofType = works.stream().filter(work -> work.type() == type).toList();
                if (ofType.isEmpty()) {
                    continue;
                }
                String column = switch (type) {
                    case LIKE -> "liked_at";
                    case COMMENT -> "commented_at";
                    case SHARE -> "shared_at";
                };
                try (PreparedStatement firstUse = connection.prepareStatement("update feed_contributions set " + column
                        + " = ?" + key + " and (" + column + " is null or " + column + " > ?)")) {
                    for (Work work : ofType) {
                        OffsetDateTime at = OffsetDateTime.ofInstant(work.at(), ZoneOffset.UTC);
                        firstUse.setObject(1, at);
                        bindKey(firstUse, 2, work);
                        firstUse.setObject(5, at);
                        firstUse.addBatch();
                    }
                    int[] counts = firstUse.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        // SUCCESS_NO_INFO (-2): a driver that does not count; take it as moved (recomputing is harmless)
                        if (counts[i] != 0) {
                            moved.add(ofType.get(i));
                        }
                    }
                }
            }
            if (!moved.isEmpty()) {
                try (PreparedStatement latest = connection.prepareStatement("update feed_contributions set latest_at = "
                        + LATEST_OF_THREE + key)) {
                    for (Work work : moved) {
                        bindKey(latest, 1, work);
                        latest.addBatch();
                    }
                    latest.executeBatch();
                }
            }
            return moved;
        });
    }

    private static void bindKey(PreparedStatement statement, int from, Work work) throws SQLException {
        statement.setString(from, work.groupId());
        statement.setString(from + 1, work.postId());
        statement.setString(from + 2, work.memberId());
    }

    /**
     * Fans a member who just joined into the group: their interactions since {@code since} (copied
     * into the group's, what a feed item lists) and their contribution to each post they
     * interacted with, rebuilt from the stored interactions (the first use of each type) in
     * set-based statements; the summaries of those posts, and of the member's own posts there (a
     * post counts only in groups its author is not in). The caller has inserted the membership, so
     * the aggregation cannot write this member's rows in this group before this commits (a batch
     * that commits after it skips the interactions copied here).
     *
     * @return how many posts the member contributes to in the group
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int fanIn(String groupId, String memberId, Instant since) {
        em.createQuery("delete from Contribution c where c.groupId = :groupId and c.memberId = :memberId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        dropInteractions(groupId, memberId);
        em.createNativeQuery("insert into feed_group_interactions"
                        + " (group_id, post_id, created_at, interaction_id, user_id, type, text)"
                        + " select cast(:groupId as varchar(64)), i.post_id, i.created_at, i.id, i.user_id, i.type, i.text"
                        + " from feed_interactions i where i.user_id = :memberId and i.created_at > :since")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .setParameter("since", since)
                .executeUpdate();
        int posts = em.createNativeQuery("insert into feed_contributions"
                        + " (group_id, post_id, member_id, liked_at, commented_at, shared_at)"
                        + " select cast(:groupId as varchar(64)), i.post_id, i.user_id,"
                        + " min(case when i.type = 'LIKE' then i.created_at end),"
                        + " min(case when i.type = 'COMMENT' then i.created_at end),"
                        + " min(case when i.type = 'SHARE' then i.created_at end)"
                        + " from feed_interactions i where i.user_id = :memberId and i.created_at > :since"
                        + " group by i.post_id, i.user_id")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .setParameter("since", since)
                .executeUpdate();
        if (posts > 0) {
            em.createNativeQuery("update feed_contributions set latest_at = " + LATEST_OF_THREE
                            + " where group_id = :groupId and member_id = :memberId")
                    .setParameter("groupId", groupId)
                    .setParameter("memberId", memberId)
                    .executeUpdate();
            em.createNativeQuery(NEW_SUMMARIES + " where p.id in (select c.post_id from feed_contributions c"
                            + " where c.group_id = :groupId and c.member_id = :memberId) on conflict do nothing")
                    .setParameter("groupId", groupId)
                    .setParameter("memberId", memberId)
                    .executeUpdate();
        }
        List<String> touched = union(postsOf(groupId, memberId), authoredIn(groupId, memberId));
        lockSummaries(groupId, touched);
        authorMembership(groupId, memberId, true);
        refreshLocked(groupId, touched);
        changed(List.of(groupId));
        return posts;
    }

    /**
     * A member left the group: their contributions and interactions there go, and the summaries of
     * those posts and of the member's own posts there (which count in the group again) are
     * recomputed.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int dropMember(String groupId, String memberId) {
        List<String> touched = union(postsOf(groupId, memberId), authoredIn(groupId, memberId));
        lockSummaries(groupId, touched);
        int dropped = em.createQuery("delete from Contribution c where c.groupId = :groupId and c.memberId = :memberId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        dropInteractions(groupId, memberId);
        authorMembership(groupId, memberId, false);
        refreshLocked(groupId, touched);
        changed(List.of(groupId));
        return dropped;
    }

    /**
     * Raises the versions of these groups ({@code feed_group_versions}), in group order, as the
     * transaction's last writes: a feed read on any server then reloads these groups' summaries.
     * Last, so the rows stay locked only until the commit, and in order after every other lock,
     * so no two writers deadlock on them.
     */
    private void changed(Collection<String> groupIds) {
        List<String> sorted = new TreeSet<>(groupIds).stream().toList();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            em.createNativeQuery("update feed_group_versions set version = version + 1 where group_id in :groupIds")
                    .setParameter("groupIds", sorted.subList(from, Math.min(sorted.size(), from + CHUNK)))
                    .executeUpdate();
        }
    }

    /** The member's interactions copied into the group ({@code feed_group_interactions}). */
    private void dropInteractions(String groupId, String memberId) {
        em.createNativeQuery("delete from feed_group_interactions where user_id = :memberId and group_id = :groupId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
    }

    private void authorMembership(String groupId, String memberId, boolean member) {
        em.createNativeQuery("update feed_post_summaries set author_member = " + (member ? "true" : "false")
                        + " where author_id = :memberId and group_id = :groupId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
    }

    private List<String> authoredIn(String groupId, String memberId) {
        return em.createNativeQuery("select post_id from feed_post_summaries where author_id = :memberId"
                        + " and group_id = :groupId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .getResultList().stream().map(String.class::cast).toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> both = new TreeSet<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    private List<String> postsOf(String groupId, String memberId) {
        return em.createQuery("select c.postId from Contribution c where c.groupId = :groupId and c.memberId = :memberId"
                        + " order by c.postId", String.class)
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .getResultList();
    }

    private void lockSummaries(String groupId, List<String> postIds) {
        for (int from = 0; from < postIds.size(); from += CHUNK) {
            em.createNativeQuery("select post_id from feed_post_summaries where group_id = :groupId and post_id in :postIds"
                            + " order by post_id for update")
                    .setParameter("groupId", groupId)
                    .setParameter("postIds", postIds.subList(from, Math.min(postIds.size(), from + CHUNK)))
                    .getResultList();
        }
    }

    /**
     * Recomputes summaries the caller has locked, in a statement of its own: under READ COMMITTED its
     * snapshot is taken after the locks, so it sees every contribution of the writers it waited for.
     */
    private void refreshLocked(String groupId, List<String> postIds) {
        for (int from = 0; from < postIds.size(); from += CHUNK) {
            em.createNativeQuery(REFRESH_SUMMARIES + " where s.group_id = :groupId and s.post_id in :postIds")
                    .setParameter("groupId", groupId)
                    .setParameter("postIds", postIds.subList(from, Math.min(postIds.size(), from + CHUNK)))
                    .executeUpdate();
        }
    }
}
