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
     * Relays one batch in its own transaction, over one broker session committed once. The rows
     * are locked so that two servers sharing the database do not both send them; on PostgreSQL
     * the second one skips them instead of waiting. A send that fails drops the whole batch from
     * the broker: every row stays for the next run, the failing one with its attempt counted.
     *
     * @return whether a full batch went out, so that more may be waiting
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean relayBatch() {
        List<OutboxMessage> batch = em.createQuery(
                        "select m from OutboxMessage m order by m.createdAt, m.id", OutboxMessage.class)
                .setMaxResults(BATCH_SIZE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList();
        if (batch.isEmpty()) {
            return false;
        }
        try (MessageSender.Sending sending = sender.open()) {
            for (OutboxMessage message : batch) {
                try {
                    sending.send(message.destination(), message.id(), message.type(), message.body());
                } catch (JMSRuntimeException e) {
                    message.countSendAttempt();
                    LOG.warning(() -> "Outbox message " + message.id() + " (" + message.type() + ") not sent, attempt "
                            + message.sendAttempts() + "; it stays for the next run: " + e.getMessage());
                    return false;
                }
            }
            sending.commit();
        }
        // One statement for the batch; the rows are locked by this transaction since the select.
        em.createQuery("delete from OutboxMessage m where m.id in :ids")
                .setParameter("ids", batch.stream().map(OutboxMessage::id).toList())
                .executeUpdate();
        return batch.size() == BATCH_SIZE;
    }
}
