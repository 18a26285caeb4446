package dev.tillpoint.feed;

import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.ProcessedMessages;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The consumer of interaction events: fan-out on write. For every group the interacting user is in
 * now, the user's contribution to the post in that group takes the interaction. Idempotent by
 * message id; the contribution itself is idempotent too (a first-use time only ever moves back).
 */
@Stateless
public class FeedAggregation {

    /** This consumer's name in {@code processed_messages}. */
    public static final String CONSUMER = "feed-aggregation";

    @Inject
    ProcessedMessages processedMessages;

    @Inject
    GroupService groups;

    @Inject
    Contributions contributions;

    /**
     * Takes one interaction event, in the caller's (the listener's) transaction.
     *
     * @return how many groups' aggregates took it; 0 for a redelivery
     * @throws IllegalArgumentException for a message that is no interaction event (poison: the
     *                                  broker retries it, then moves it to the dead-letter queue)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int take(Envelope envelope) {
        envelope.require(InteractionService.EVENT_TYPE, InteractionService.EVENT_VERSION);
        Event event = Event.of(envelope.payload());
        if (!processedMessages.firstDelivery(CONSUMER, envelope.messageId())) {
            return 0;
        }
        int fannedOut = 0;
        for (String groupId : groups.groupIdsOf(event.userId())) {
            if (contributions.record(groupId, event.postId(), event.userId(), event.type(), event.at())) {
                fannedOut++;
            }
        }
        return fannedOut;
    }

    private record Event(String postId, String userId, InteractionType type, Instant at) {
        static Event of(JsonObject payload) {
            try {
                return new Event(payload.getString("postId"), payload.getString("userId"),
                        InteractionType.valueOf(payload.getString("type")), Instant.parse(payload.getString("createdAt")));
            } catch (NullPointerException | ClassCastException | JsonException | DateTimeParseException e) {
                throw new IllegalArgumentException("Not an interaction event: " + e.getClass().getSimpleName(), e);
            }
        }
    }
}
