package dev.tillpoint.feed;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Writes the per-group aggregates ({@link Contribution}) in the caller's transaction: the fan-out of
 * one interaction, the fan-in of a joining member's interactions, the removal of a leaving one's.
 */
@Stateless
public class Contributions {

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
        // The latest of three nullable times without GREATEST, whose handling of nulls differs between databases.
        em.createNativeQuery("update feed_contributions set latest_at = case"
                        + " when liked_at >= coalesce(commented_at, liked_at) and liked_at >= coalesce(shared_at, liked_at)"
                        + " then liked_at"
                        + " when commented_at >= coalesce(shared_at, commented_at) then commented_at"
                        + " else shared_at end" + key)
                .setParameter("groupId", groupId)
                .setParameter("postId", postId)
                .setParameter("memberId", memberId)
                .executeUpdate();
    }

    /**
     * Fans a member who just joined into the group: the first use of each type on each post since
     * {@code since}. Only this member's rows in this group are touched.
     *
     * @return how many (post, type) pairs were recorded
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int fanIn(String groupId, String memberId, Instant since) {
        List<Object[]> firstUses = em.createQuery("select i.postId, i.type, min(i.createdAt) from Interaction i"
                        + " where i.userId = :memberId and i.createdAt > :since"
                        + " group by i.postId, i.type order by i.postId", Object[].class)
                .setParameter("memberId", memberId)
                .setParameter("since", since)
                .getResultList();
        for (Object[] firstUse : firstUses) {
            record(groupId, (String) firstUse[0], memberId, (InteractionType) firstUse[1], (Instant) firstUse[2]);
        }
        return firstUses.size();
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
