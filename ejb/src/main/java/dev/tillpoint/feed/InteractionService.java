package dev.tillpoint.feed;

import dev.tillpoint.customers.CustomerService;
import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.Outbox;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Records interactions with posts. The interaction, its pending mark for the aggregation and its
 * event are one transaction: the event is written to the outbox, and the feed's aggregation, woken
 * by it on {@code FEED_INTERACTIONS}, takes the pending interactions in batches.
 */
@Stateless
public class InteractionService {

    /** The event's type and version on {@link Destination#FEED_INTERACTIONS}. */
    public static final String EVENT_TYPE = "FEED_INTERACTION";
    public static final int EVENT_VERSION = 1;

    private static final String ID_PREFIX = "int";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    CustomerService customers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Records the caller's interaction. A LIKE or SHARE the caller already made changes nothing:
     * the answer is the first one and no event is sent.
     *
     * @return the interaction; {@code VALIDATION_FAILED} on type or text; {@code NOT_FOUND} for an
     *         unknown post; {@code FORBIDDEN} when the caller is no customer
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<InteractionView> interact(String callerId, String postId, NewInteraction command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        if (command.type() == null) {
            errors.add("type", "is required: LIKE, COMMENT or SHARE");
        } else if (command.type() == InteractionType.COMMENT) {
            if (command.text() == null || command.text().isBlank()) {
                errors.add("text", "is required for a COMMENT");
            } else if (command.text().length() > Interaction.MAX_TEXT_LENGTH) {
                errors.add("text", "must be at most " + Interaction.MAX_TEXT_LENGTH + " characters");
            }
        } else if (command.text() != null) {
            errors.add("text", "is only for a COMMENT");
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        if (!Ids.isValid(postId) || em.find(Post.class, postId) == null) {
            return Result.failure(ErrorCode.NOT_FOUND, "No such post.");
        }
        if (!customers.exists(callerId)) {
            return GroupService.notACustomer();
        }
        InteractionType type = command.type();
        String id = Ids.generate(ID_PREFIX);
        Instant now = StoredTime.now(clock);
        // Skips a second LIKE or SHARE instead of failing on the unique constraint: a failed insert
        // would abort the whole transaction on PostgreSQL.
        // No null parameters: column lists differ per kind, so neither database must guess a type.
        boolean comment = type == InteractionType.COMMENT;
        int inserted = em.createNativeQuery("insert into feed_interactions (id, post_id, user_id, type, "
                        + (comment ? "text" : "repeat_key") + ", created_at)"
                        + " values (:id, :postId, :userId, :type, :extra, :createdAt) on conflict do nothing")
                .setParameter("id", id)
                .setParameter("postId", postId)
                .setParameter("userId", callerId)
                .setParameter("type", type.name())
                .setParameter("extra", comment ? command.text() : type.name())
                .setParameter("createdAt", now)
                .executeUpdate();
        if (inserted == 0) {
            return Result.ok(em.createQuery("select i from Interaction i where i.postId = :postId and i.userId = :userId"
                            + " and i.repeatKey = :repeatKey", Interaction.class)
                    .setParameter("postId", postId)
                    .setParameter("userId", callerId)
                    .setParameter("repeatKey", type.name())
                    .getSingleResult()
                    .view());
        }
        em.createNativeQuery("insert into feed_pending_interactions (interaction_id, enqueued_at) values (:id, :at)")
                .setParameter("id", id)
                .setParameter("at", now)
                .executeUpdate();
        outbox.enqueue(Destination.FEED_INTERACTIONS, EVENT_TYPE, EVENT_VERSION, Json.createObjectBuilder()
                .add("interactionId", id)
                .add("postId", postId)
                .add("userId", callerId)
                .add("type", type.name())
                .add("createdAt", now.toString())
                .build());
        return Result.ok(new InteractionView(id, postId, type, now));
    }
}
