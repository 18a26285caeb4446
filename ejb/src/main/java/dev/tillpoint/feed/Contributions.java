package dev.tillpoint.feed;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Writes the per-group aggregates in the caller's transaction: each member's {@link Contribution}
 * and the per-(group, post) summary the feed reads candidates from ({@code feed_post_summaries}),
 * for the fan-out of one interaction, the fan-in of a joining member's interactions and the removal
 * of a leaving one's.
 *
 * <p>Locks, always in this order, so that no two writers deadlock: the member's membership row,
 * then the summary rows of the group in post order. A summary is recomputed from the contributions
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

    /** Summaries are locked and refreshed this many posts at a time (bounded IN lists). */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /**
     * Takes one interaction into the member's contribution in the group: the type's first use
     * becomes the earlier of the stored one and {@code at}, and {@code latest_at} the latest of the
     * three first uses; then the (group, post) summary is recomputed. Idempotent. Rows are created
     * by inserts that skip an existing one (never a failing insert, which would abort a PostgreSQL
     * transaction). Plain SQL, no managed entities: a fan-in records thousands of rows in one
     * transaction, and every managed entity would be dirty-checked again at each automatic flush.
     *
     * @return whether the member is (still) in the group: a member who left meanwhile is skipped
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean record(String groupId, String postId, String memberId, InteractionType type, Instant at) {
        // Waits for a leave of this member in flight, then sees whether it happened.
        if (em.createNativeQuery("select member_id from feed_group_members where group_id = :groupId"
                        + " and member_id = :memberId for update")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .getResultList().isEmpty()) {
            return false;
        }
        em.createNativeQuery("insert into feed_post_summaries (group_id, post_id, members, liked, commented, shared)"
                        + " values (:groupId, :postId, 0, 0, 0, 0) on conflict do nothing")
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .executeUpdate();
        em.createNativeQuery("select post_id from feed_post_summaries where group_id = :groupId and post_id = :postId for update")
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .getResultList();
        String key = " where group_id = :groupId and post_id = :postId and member_id = :memberId";
        em.createNativeQuery("insert into feed_contributions (group_id, post_id, member_id) "
                        + "values (:groupId, :postId, :memberId) on conflict do nothing")
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        String column = switch (type) {
            case LIKE -> "liked_at";
            case COMMENT -> "commented_at";
            case SHARE -> "shared_at";
        };
        int moved = em.createNativeQuery("update feed_contributions set " + column + " = :at" + key
                        + " and (" + column + " is null or " + column + " > :at)")
                .setParameter("at", at)
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        if (moved == 0) {
            return true; // a later comment: no first use moved, nothing derived changes
        }
        em.createNativeQuery("update feed_contributions set latest_at = " + LATEST_OF_THREE + key)
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        em.createNativeQuery(REFRESH_SUMMARIES + " where s.group_id = :groupId and s.post_id = :postId")
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .executeUpdate();
        return true;
    }

    /**
     * Fans a member who just joined into the group: their contribution to each post they interacted
     * with since {@code since}, rebuilt from the stored interactions (the first use of each type) in
     * set-based statements, and the summaries of those posts. Only this member's contributions in
     * this group are written; none can be written by the event consumer before this transaction
     * commits, since it reads membership committed.
     *
     * @return how many posts the member contributes to in the group
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int fanIn(String groupId, String memberId, Instant since) {
        dropMember(groupId, memberId);
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
        if (posts == 0) {
            return 0;
        }
        em.createNativeQuery("update feed_contributions set latest_at = " + LATEST_OF_THREE
                        + " where group_id = :groupId and member_id = :memberId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        em.createNativeQuery("insert into feed_post_summaries (group_id, post_id, members, liked, commented, shared)"
                        + " select group_id, post_id, 0, 0, 0, 0 from feed_contributions"
                        + " where group_id = :groupId and member_id = :memberId on conflict do nothing")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        refreshSummaries(groupId, postsOf(groupId, memberId));
        return posts;
    }

    /** Drops a member's contributions in the group (a leave, or before a fan-in rebuilds them). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int dropMember(String groupId, String memberId) {
        List<String> posts = postsOf(groupId, memberId);
        if (posts.isEmpty()) {
            return 0;
        }
        lockSummaries(groupId, posts);
        int dropped = em.createQuery("delete from Contribution c where c.groupId = :groupId and c.memberId = :memberId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        refreshSummaries(groupId, posts);
        return dropped;
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

    /** Locks, then recomputes (in a later statement, so with a snapshot taken after the locks). */
    private void refreshSummaries(String groupId, List<String> postIds) {
        lockSummaries(groupId, postIds);
        for (int from = 0; from < postIds.size(); from += CHUNK) {
            em.createNativeQuery(REFRESH_SUMMARIES + " where s.group_id = :groupId and s.post_id in :postIds")
                    .setParameter("groupId", groupId)
                    .setParameter("postIds", postIds.subList(from, Math.min(postIds.size(), from + CHUNK)))
                    .executeUpdate();
        }
    }
}
