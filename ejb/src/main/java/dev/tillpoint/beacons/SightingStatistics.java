package dev.tillpoint.beacons;

import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.ProcessedMessages;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-beacon sighting statistics: sightings, unique visitors (distinct customers), last seen.
 * Counted by the sighting listener, once per message id; read by the admin.
 */
@Stateless
public class SightingStatistics {

    static final String CONSUMER = "beacon-sighting-listener";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @EJB
    ProcessedMessages processedMessages;

    /**
     * The sighting listener's one call. A first sighting by a customer inserts its visitor row (an
     * insert that skips an existing row, safe on PostgreSQL) and counts a visitor; every sighting
     * counts once, in one update of the beacon's row.
     *
     * @throws IllegalArgumentException for a message that is no sighting or names no beacon: poison
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void count(Envelope envelope) {
        envelope.require(BeaconMessages.SIGHTED, BeaconMessages.VERSION);
        JsonObject payload = envelope.payload();
        String beaconId = BeaconMessages.text(payload, "beaconId");
        String customerId = BeaconMessages.text(payload, "customerId");
        Instant seenAt = BeaconMessages.instant(payload, "seenAt");
        if (!processedMessages.firstDelivery(CONSUMER, envelope.messageId())) {
            return;
        }
        if (BeaconIds.canonical(beaconId).isEmpty() || em.find(BeaconStats.class, beaconId) == null) {
            throw new IllegalArgumentException("Message " + envelope.messageId() + " names no registered beacon");
        }
        int newVisitor = em.createNativeQuery("insert into beacon_visitors (beacon_id, customer_id, first_seen_at)"
                        + " values (:beaconId, :customerId, :seenAt) on conflict do nothing")
                .setParameter("beaconId", beaconId)
                .setParameter("customerId", customerId)
                .setParameter("seenAt", seenAt)
                .executeUpdate();
        em.createNativeQuery("update beacon_stats set sightings = sightings + 1,"
                        + " unique_visitors = unique_visitors + :newVisitor,"
                        + " last_seen_at = case when last_seen_at is null or last_seen_at < :seenAt then :seenAt else last_seen_at end"
                        + " where beacon_id = :beaconId")
                .setParameter("newVisitor", newVisitor)
                .setParameter("seenAt", seenAt)
                .setParameter("beaconId", beaconId)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<BeaconStatsView> of(String beaconId) {
        return BeaconIds.canonical(beaconId).map(id -> em.find(BeaconStats.class, id)).map(BeaconStats::view);
    }
}
