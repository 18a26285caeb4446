package dev.tillpoint.messaging;

import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Sends at once, outside any transaction, a message that may be lost (DESIGN.md: analytics
 * sightings): it costs the request no database write, and a broker failure costs only the message,
 * never the request.
 */
@ApplicationScoped
public class BestEffortPublisher {

    private static final Logger LOG = Logger.getLogger(BestEffortPublisher.class.getName());
    private static final String MESSAGE_ID_PREFIX = "msg";

    @Inject
    MessageSender sender;

    @Inject
    Clock clock;

    /** @return whether the broker took the message */
    public boolean publish(Destination destination, String type, int version, JsonObject payload) {
        Envelope envelope = new Envelope(Ids.generate(MESSAGE_ID_PREFIX), type, version, StoredTime.now(clock), payload);
        try {
            sender.send(destination, envelope.messageId(), type, envelope.toJson());
            return true;
        } catch (JMSRuntimeException e) {
            LOG.warning(() -> "Dropped " + type + " message " + envelope.messageId() + ": " + e.getMessage());
            return false;
        }
    }
}
