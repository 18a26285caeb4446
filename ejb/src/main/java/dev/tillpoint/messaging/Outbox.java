package dev.tillpoint.messaging;

import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Where a service puts a message that must leave if, and only if, its transaction commits
 * (DESIGN.md "Architecture": the transactional outbox). The message is a row of the service's own
 * database transaction, so the payment path never spans the database and the broker in a
 * two-phase commit; the relay sends it after commit. For callers in a JPA transaction; the POS
 * payment path, which speaks plain JDBC, writes through {@link OutboxWriter} itself.
 */
@Stateless
public class Outbox {

    private static final String MESSAGE_ID_PREFIX = "msg";
    /** Key of the per-transaction marker that the commit wake-up is registered already. */
    private static final Object WAKE_UP_REGISTERED = new Object();

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    OutboxWriter writer;

    @Inject
    Clock clock;

    /**
     * Writes the message into the caller's transaction, which must exist.
     *
     * @return the envelope as it will be sent; its message id is the consumers' idempotency key
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Envelope enqueue(Destination destination, String type, int version, JsonObject payload) {
        Envelope envelope = new Envelope(Ids.generate(MESSAGE_ID_PREFIX), type, version, StoredTime.now(clock), payload);
        em.persist(new OutboxMessage(envelope, destination));
        writer.wakeRelayAfterCommit();
        return envelope;
    }
}
