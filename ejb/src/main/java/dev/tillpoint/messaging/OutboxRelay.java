package dev.tillpoint.messaging;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, oldest first, and deletes each row once the broker has accepted its
 * message. Delivery is at least once: a crash between the send and the commit of the delete sends
 * that message again, and every consumer is idempotent by message id.
 */
@Stateless
public class OutboxRelay {

    static final int BATCH_SIZE = 200;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    /** Hibernate's lock timeout meaning SKIP LOCKED, where the database has it (PostgreSQL does). */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    MessageSender sender;

    /**
     * Relays one batch in its own transaction. The rows are locked so that two servers sharing
     * the database do not both send them; on PostgreSQL the second one skips them instead of waiting.
     *
     * @return how many rows the batch held; {@link #BATCH_SIZE} means more may be waiting
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relayBatch() {
        List<OutboxMessage> batch = em.createQuery(
                        "select m from OutboxMessage m order by m.createdAt, m.id", OutboxMessage.class)
                .setMaxResults(BATCH_SIZE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList();
        for (OutboxMessage message : batch) {
            try {
                sender.send(message.destination(), message.id(), message.type(), message.body());
                em.remove(message);
            } catch (JMSRuntimeException e) {
                message.countSendAttempt();
                LOG.warning(() -> "Outbox message " + message.id() + " (" + message.type() + ") not sent, attempt "
                        + message.sendAttempts() + "; it stays for the next run: " + e.getMessage());
                return batch.size() == BATCH_SIZE ? BATCH_SIZE - 1 : batch.size();
            }
        }
        return batch.size();
    }

    /** How many messages wait to be sent; for tests and readiness. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long pendingCount() {
        return em.createQuery("select count(m) from OutboxMessage m", Long.class).getSingleResult();
    }
}
