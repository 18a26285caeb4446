package dev.tillpoint.beacons;

import dev.tillpoint.messaging.BestEffortPublisher;
import dev.tillpoint.messaging.Destination;
import dev.tillpoint.shared.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The sightings of the last moment, in memory, until {@link SightingBatchFlush} sends them: a
 * sighting costs the request an append to a queue, no database write and no message. Each flush
 * sends the sightings as {@value BeaconMessages#SIGHTINGS} messages of at most {@link #MAX_PER_MESSAGE}
 * on {@code BEACON_SIGHTINGS}: the analytics message for the bank's other systems, and what the
 * statistics are counted from, one transaction per message. Lost in a crash: the sightings not yet
 * flushed (at most one flush interval's); DESIGN.md lets analytics sightings be lost. Bounded:
 * beyond {@link #MAX_PENDING} waiting sightings (a broker that does not take them), new ones are
 * dropped and counted in the log.
 */
@ApplicationScoped
public class SightingBatch {

    static final int MAX_PER_MESSAGE = 2_000;
    static final int MAX_PENDING = 200_000;
    private static final Logger LOG = Logger.getLogger(SightingBatch.class.getName());
    /**
     * One factory for every builder: {@code Json.createObjectBuilder()} looks the JSON provider up
     * again on each call (a service-loader scan of the class path), which was most of a flush.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** One sighting of a known beacon. */
    record Seen(String beaconId, String customerId, Instant seenAt, BeaconMessages.Outcome outcome) {
    }

    private final ConcurrentLinkedQueue<Seen> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    @Inject
    BestEffortPublisher publisher;

    /** Adds a sighting to the current batch; never blocks. */
    void record(String beaconId, String customerId, Instant seenAt, BeaconMessages.Outcome outcome) {
        if (!Ids.isValid(customerId)) {
            return; // a principal no visitor row can hold is not counted rather than poisoning a batch
        }
        if (size.incrementAndGet() > MAX_PENDING) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(new Seen(beaconId, customerId, seenAt, outcome));
    }

    /**
     * Sends what is waiting, {@link #MAX_PER_MESSAGE} sightings a message; a message the broker does
     * not take is lost (best effort).
     *
     * @return how many sightings were sent
     */
    int flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warning(() -> "Dropped " + lost + " beacon sightings: more than " + MAX_PENDING + " were waiting");
        }
        int sent = 0;
        List<Seen> batch = new ArrayList<>();
        Seen seen;
        while ((seen = pending.poll()) != null) {
            size.decrementAndGet();
            batch.add(seen);
            if (batch.size() == MAX_PER_MESSAGE) {
                sent += send(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sent += send(batch);
        }
        return sent;
    }

    private int send(List<Seen> batch) {
        JsonArrayBuilder sightings = JSON.createArrayBuilder();
        for (Seen seen : batch) {
            sightings.add(JSON.createObjectBuilder()
                    .add("beaconId", seen.beaconId())
                    .add("customerId", seen.customerId())
                    .add("seenAt", seen.seenAt().toString())
                    .add("outcome", seen.outcome().name()));
        }
        boolean taken = publisher.publish(Destination.BEACON_SIGHTINGS, BeaconMessages.SIGHTINGS, BeaconMessages.VERSION,
                JSON.createObjectBuilder().add("sightings", sightings).build());
        return taken ? batch.size() : 0;
    }
}
