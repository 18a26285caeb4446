package dev.tillpoint.messaging;

import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;

/**
 * What makes a consumer idempotent: the ids of the messages it has handled, written in the same
 * transaction as the handling. A redelivered message finds its id and changes nothing.
 */
@Stateless
public class ProcessedMessages {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records that {@code consumer} handles {@code messageId} in the caller's transaction.
     *
     * <p>An insert that skips an existing row rather than check-then-insert: on PostgreSQL a failed
     * insert would abort the consumer's transaction, and two deliveries racing are serialized by
     * the primary key (the second waits for the first to commit, then inserts nothing).
     *
     * @return true the first time; false for a message already handled, which the caller must skip
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        return em.createNativeQuery("insert into processed_messages (consumer, message_id, processed_at) "
                        + "values (:consumer, :messageId, :processedAt) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("messageId", messageId)
                .setParameter("processedAt", StoredTime.now(clock))
                .executeUpdate() == 1;
    }

    /** Forgets ids older than {@code retention}: the broker gives up redelivering long before. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int forgetOlderThan(Duration retention) {
        return em.createNativeQuery("delete from processed_messages where processed_at < :cutoff")
                .setParameter("cutoff", StoredTime.now(clock).minus(retention))
                .executeUpdate();
    }
}
