package dev.tillpoint.beacons;

import dev.tillpoint.messaging.BestEffortPublisher;
import dev.tillpoint.messaging.Destination;
import dev.tillpoint.shared.Ids;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a sighting to analytics without the request waiting for the broker: an asynchronous call
 * that publishes best-effort (DESIGN.md: analytics sightings may be lost). A broker failure, or a
 * full asynchronous pool, costs the count, never the phone's answer.
 */
@Stateless
public class SightingAnalytics {

    private static final Logger LOG = Logger.getLogger(SightingAnalytics.class.getName());

    @Inject
    BestEffortPublisher publisher;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void record(String beaconId, String customerId, Instant seenAt, BeaconMessages.Outcome outcome) {
        if (!Ids.isValid(customerId)) {
            return; // a principal no visitor row can hold is not counted rather than poisoning the queue
        }
        try {
            publisher.publish(Destination.BEACON_SIGHTINGS, BeaconMessages.SIGHTED, BeaconMessages.VERSION,
                    Json.createObjectBuilder()
                            .add("beaconId", beaconId)
                            .add("customerId", customerId)
                            .add("seenAt", seenAt.toString())
                            .add("outcome", outcome.name())
                            .build());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dropped a sighting of beacon " + beaconId + ": " + e.getClass().getSimpleName());
        }
    }
}
