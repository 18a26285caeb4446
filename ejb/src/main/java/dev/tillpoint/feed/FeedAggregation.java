package dev.tillpoint.feed;

import dev.tillpoint.messaging.Envelope;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The consumer of interaction events: fan-out on write, in batches. An event wakes the aggregation,
 * which takes up to {@link #BATCH_SIZE} of the oldest pending interactions
 * ({@code feed_pending_interactions}, written with each interaction) in one transaction, takes each
 * into the contributions of its member in every group they are in now ({@link Contributions#recordAll}),
 * and deletes their pending rows. So one commit carries many interactions (a commit's forced disk
 * write, not the statements, is what bounds a consumer that commits per event), and an event that
 * finds nothing pending costs one read. The pending row is the idempotency:
 * an interaction is aggregated once, however often its event comes.
 */
@Stateless
public class FeedAggregation {

    /** Interactions taken in one transaction. */
    public static final int BATCH_SIZE = 200;
    /**
     * Hibernate's lock timeout meaning SKIP LOCKED, where the database has it (PostgreSQL does; on H2
     * a second consumer waits for the first one's batch and may time out, to be redelivered).
     */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Contributions contributions;

    /**
     * Takes one interaction event, in the caller's (the listener's) transaction: the next batch of
     * pending interactions, whichever they are (any event drains, so no pending interaction waits
     * for its own event; when a batch took them all, this is one read and an empty commit).
     *
     * @return how many (interaction, group) pairs the batch took; 0 when nothing was pending (a
     *         redelivery, or a batch of another event took this one's)
     * @throws IllegalArgumentException for a message that is no interaction event (poison: the
     *                                  broker retries it, then moves it to the dead-letter queue)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int take(Envelope envelope) {
        envelope.require(InteractionService.EVENT_TYPE, InteractionService.EVENT_VERSION);
        Event.of(envelope.payload());
        return takeBatch();
    }

    /** The oldest pending interactions, those no other consumer holds, into the aggregates. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int takeBatch() {
        List<String> ids = em.createQuery("select p from PendingInteraction p order by p.enqueuedAt, p.interactionId",
                        PendingInteraction.class)
                .setMaxResults(BATCH_SIZE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList()
                .stream().map(PendingInteraction::interactionId).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Contributions.Taken> batch = em.createQuery("select i from Interaction i where i.id in :ids", Interaction.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream().map(Interaction::taken).toList();
        // Nothing loaded here is changed: detached, the batch's entities are not dirty-checked again
        // at each of the hundreds of native statements that follow (Hibernate flushes the context
        // before every one), which cost the aggregation most of its time, quadratic in the batch.
        // The row locks taken above are the database's and stay until the commit.
        em.clear();
        int taken = contributions.recordAll(batch);
        em.createQuery("delete from PendingInteraction p where p.interactionId in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return taken;
    }

    /** The event's fields, read only to refuse a message that is none (poison). */
    private record Event(String interactionId, String postId, String userId, InteractionType type, Instant at) {
        static Event of(JsonObject payload) {
            try {
                return new Event(payload.getString("interactionId"), payload.getString("postId"),
                        payload.getString("userId"), InteractionType.valueOf(payload.getString("type")),
                        Instant.parse(payload.getString("createdAt")));
            } catch (NullPointerException | ClassCastException | JsonException | DateTimeParseException e) {
                throw new IllegalArgumentException("Not an interaction event: " + e.getClass().getSimpleName(), e);
            }
        }
    }
}
