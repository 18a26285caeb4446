package dev.tillpoint.feed;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Writes the per-group aggregates ({@link Contribution}) in the caller's transaction: the fan-out of
 * one interaction, the fan-in of a joining member's interactions, the removal of a leaving one's.
 */
@Stateless
public class Contributions {

    /** The latest of the three nullable first uses, without GREATEST, whose handling of nulls differs between databases. */
    private static final String LATEST_OF_THREE = "case"
            + " when liked_at >= coalesce(commented_at, liked_at) and liked_at >= coalesce(shared_at, liked_at) then liked_at"
            + " when commented_at >= coalesce(shared_at, commented_at) then commented_at"
            + " else shared_at end";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    /**
     * Takes one interaction into the member's contribution in the group: the type's first use
     * becomes the earlier of the stored one and {@code at}, and {@code latest_at} the latest of the
     * three first uses. Idempotent. The row is created by an insert that skips an existing one
     * (never a failing insert, which would abort a PostgreSQL transaction); the updates then hold
     * its lock, so two writers of one row are serialized. Plain SQL, no managed entities: a fan-in
     * records thousands of rows in one transaction, and every managed entity would be dirty-checked
     * again at each statement's automatic flush.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String groupId, String postId, String memberId, InteractionType type, Instant at) {
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
        em.createNativeQuery("update feed_contributions set " + column + " = case when " + column + " is null or "
                        + column + " > :at then :at else " + column + " end" + key)
                .setParameter("at", at)
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        em.createNativeQuery("update feed_contributions set latest_at = " + LATEST_OF_THREE + key)
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .setParameter("memberId", memberId)
                .executeUpdate();
    }

    /**
     * Fans a member who just joined into the group: their contribution to each post they interacted
     * with since {@code since}, rebuilt from the stored interactions (the first use of each type) in
     * three set-based statements. Only this member's rows in this group are touched; none can be
     * written by the event consumer before this transaction commits, since it reads membership
     * committed.
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
        em.createNativeQuery("update feed_contributions set latest_at = " + LATEST_OF_THREE
                        + " where group_id = :groupId and member_id = :memberId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
        return posts;
    }

    /** Drops a leaving member's contributions in the group. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int dropMember(String groupId, String memberId) {
        return em.createQuery("delete from Contribution c where c.groupId = :groupId and c.memberId = :memberId")
                .setParameter("groupId", groupId)
                .setParameter("memberId", memberId)
                .executeUpdate();
    }
}
