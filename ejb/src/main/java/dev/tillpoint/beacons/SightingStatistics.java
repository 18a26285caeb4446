package dev.tillpoint.beacons;

import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.ProcessedMessages;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-beacon sighting statistics: sightings, unique visitors (distinct customers), last seen.
 * Counted by the sighting listener from the batches {@link SightingBatch} sends, once per message
 * id; read by the admin.
 */
@Stateless
public class SightingStatistics {

    static final String CONSUMER = "beacon-sighting-listener";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @EJB
    ProcessedMessages processedMessages;

    /**
     * The sighting listener's one call: counts one batch of sightings, once per message id, in one
     * transaction. Per beacon of the batch: the distinct customers are inserted as visitors (an
     * insert that skips an existing row, safe on PostgreSQL) and counted when new; the sightings
     * and the latest time go into one update of the beacon's row. Beacons are updated in id order,
     * so two batches never deadlock on their rows.
     *
     * @return how many sightings were counted (0 for a redelivery)
     * @throws IllegalArgumentException for a message that is no sighting batch or names no
     *                                  registered beacon: poison
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int count(Envelope envelope) {
        envelope.require(BeaconMessages.SIGHTINGS, BeaconMessages.VERSION);
        Map<String, Tally> tallies = new TreeMap<>();
        int sightings = 0;
        for (JsonObject sighting : sightings(envelope.payload())) {
            String beaconId = BeaconMessages.text(sighting, "beaconId");
            String customerId = BeaconMessages.text(sighting, "customerId");
            Instant seenAt = BeaconMessages.instant(sighting, "seenAt");
            if (BeaconIds.canonical(beaconId).isEmpty()) {
                throw new IllegalArgumentException("Message " + envelope.messageId() + " names no beacon");
            }
            tallies.computeIfAbsent(beaconId, id -> new Tally()).add(customerId, seenAt);
            sightings++;
        }
        if (!processedMessages.firstDelivery(CONSUMER, envelope.messageId())) {
            return 0;
        }
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            String beaconId = entry.getKey();
            Tally tally = entry.getValue();
            if (em.find(BeaconStats.class, beaconId) == null) {
                throw new IllegalArgumentException("Message " + envelope.messageId() + " names no registered beacon");
            }
            int newVisitors = 0;
            for (Map.Entry<String, Instant> visitor : tally.firstSeen.entrySet()) {
                newVisitors += em.createNativeQuery("insert into beacon_visitors (beacon_id, customer_id, first_seen_at)"
                                + " values (:beaconId, :customerId, :seenAt) on conflict do nothing")
                        .setParameter("beaconId", beaconId)
                        .setParameter("customerId", visitor.getKey())
                        .setParameter("seenAt", visitor.getValue())
                        .executeUpdate();
            }
            em.createNativeQuery("update beacon_stats set sightings = sightings + :sightings,"
                            + " unique_visitors = unique_visitors + :newVisitors,"
                            + " last_seen_at = case when last_seen_at is null or last_seen_at < :seenAt then :seenAt else last_seen_at end"
                            + " where beacon_id = :beaconId")
                    .setParameter("sightings", tally.sightings)
                    .setParameter("newVisitors", newVisitors)
                    .setParameter("seenAt", tally.lastSeen)
                    .setParameter("beaconId", beaconId)
                    .executeUpdate();
        }
        return sightings;
    }

    /** One beacon's part of a batch. */
    private static final class Tally {
        long sightings;
        Instant lastSeen;
        final Map<String, Instant> firstSeen = new TreeMap<>();

        void add(String customerId, Instant seenAt) {
            sightings++;
            lastSeen = lastSeen == null || seenAt.isAfter(lastSeen) ? seenAt : lastSeen;
            firstSeen.merge(customerId, seenAt, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    private static List<JsonObject> sightings(JsonObject payload) {
        JsonValue value = payload.get("sightings");
        if (!(value instanceof JsonArray array) || array.isEmpty()
                || array.stream().anyMatch(item -> !(item instanceof JsonObject))) {
            throw new IllegalArgumentException("The payload's sightings are not a non-empty array of objects");
        }
        return array.getValuesAs(JsonObject.class);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<BeaconStatsView> of(String beaconId) {
        return BeaconIds.canonical(beaconId).map(id -> em.find(BeaconStats.class, id)).map(BeaconStats::view);
    }
}
