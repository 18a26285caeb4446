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
import org.hibernate.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-beacon sighting statistics: sightings, unique visitors (distinct customers), last seen.
 * Counted by the sighting listener from the batches {@link SightingBatch} sends, once per message
 * id; read by the admin.
 */
@Stateless
public class SightingStatistics {

    static final String CONSUMER = "beacon-sighting-listener";
    /** Ids per existence query: far below either database's parameter limit. */
    private static final int IN_LIST = 500;

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @EJB
    ProcessedMessages processedMessages;

    /**
     * The sighting listener's one call: counts one batch of sightings, once per message id, in one
     * transaction, with a fixed number of statements whatever the batch holds: one query that every
     * beacon named is registered, one JDBC batch inserting the distinct (beacon, customer) visitors
     * (an insert that skips an existing row; its per-row count says which were new), and one JDBC
     * batch adding each beacon's sightings, new visitors and latest time to its row. Beacons and
     * visitors are written in id order, so two batches never deadlock on their rows. No entity is
     * loaded: a batch of 2 000 sightings over as many beacons used to put 2 000 rows into the
     * persistence context and cost three statements per beacon.
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
        em.unwrap(Session.class).doWork(connection -> {
            if (registered(connection, tallies.keySet()) != tallies.size()) {
                throw new IllegalArgumentException("Message " + envelope.messageId() + " names no registered beacon");
            }
            Map<String, Integer> newVisitors = insertVisitors(connection, tallies);
            try (PreparedStatement update = connection.prepareStatement("update beacon_stats set sightings = sightings + ?,"
                    + " unique_visitors = unique_visitors + ?,"
                    + " last_seen_at = case when last_seen_at is null or last_seen_at < ? then ? else last_seen_at end"
                    + " where beacon_id = ?")) {
                for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
                    OffsetDateTime lastSeen = utc(entry.getValue().lastSeen);
                    update.setLong(1, entry.getValue().sightings);
                    update.setLong(2, newVisitors.getOrDefault(entry.getKey(), 0));
                    update.setObject(3, lastSeen);
                    update.setObject(4, lastSeen);
                    update.setString(5, entry.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        return sightings;
    }

    /** How many of {@code beaconIds} have a statistics row (every registered beacon has one). */
    private static int registered(Connection connection, Set<String> beaconIds) throws SQLException {
        int found = 0;
        List<String> ids = List.copyOf(beaconIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*) from beacon_stats where beacon_id in (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    found += rows.getInt(1);
                }
            }
        }
        return found;
    }

    /** Inserts the batch's visitors; returns, per beacon, how many of them were new. */
    private static Map<String, Integer> insertVisitors(Connection connection, Map<String, Tally> tallies) throws SQLException {
        List<String> order = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into beacon_visitors (beacon_id, customer_id, first_seen_at)"
                + " values (?, ?, ?) on conflict do nothing")) {
            for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
                for (Map.Entry<String, Instant> visitor : entry.getValue().firstSeen.entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setString(2, visitor.getKey());
                    insert.setObject(3, utc(visitor.getValue()));
                    insert.addBatch();
                    order.add(entry.getKey());
                }
            }
            int[] inserted = insert.executeBatch();
            Map<String, Integer> newVisitors = new HashMap<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] == Statement.SUCCESS_NO_INFO) {
                    // A driver that batches without counts would make every visitor look new or none: refuse to guess.
                    throw new IllegalStateException("The JDBC driver gave no per-row counts for the visitors batch");
                }
                if (inserted[i] > 0) {
                    newVisitors.merge(order.get(i), 1, Integer::sum);
                }
            }
            return newVisitors;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
