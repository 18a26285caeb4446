package dev.tillpoint.feed;

import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Objects;

/**
 * The preset policy, stored in the database and read on every feed read, so a change applies to
 * the next read on every node, with nothing derived to rewrite.
 */
@Stateless
public class FeedPolicyService {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FeedPolicy current() {
        return em.find(FeedPolicyRow.class, FeedPolicyRow.ID).policy();
    }

    /** Replaces the policy; the caller built it with {@link FeedPolicy#of}, which validates. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public FeedPolicy replace(FeedPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        FeedPolicyRow row = em.find(FeedPolicyRow.class, FeedPolicyRow.ID, LockModeType.PESSIMISTIC_WRITE);
        row.replaceWith(policy, StoredTime.now(clock));
        return row.policy();
    }
}
