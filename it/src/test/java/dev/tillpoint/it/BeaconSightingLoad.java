package dev.tillpoint.it;

import static dev.tillpoint.it.BeaconSightingBenchmark.BEACONS;
import static dev.tillpoint.it.BeaconSightingBenchmark.ROTATION_EXPONENT;
import static dev.tillpoint.it.BeaconSightingBenchmark.THREADS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP side of {@link BeaconSightingBenchmark}: phones posting sightings of random beacons,
 * half by fixed id and half by their current EID, from several client threads.
 */
final class BeaconSightingLoad {

    private BeaconSightingLoad() {
    }

    /** {@code requests} sightings over HTTP, random beacons, half fixed ids and half EIDs; prints the figures when asked. */
    static void overHttp(int requests, boolean print) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<long[][]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Api customer = Api.as("bench-customer-" + thread, "customer");
                long[] uid = new long[requests / THREADS];
                long[] eid = new long[requests / THREADS];
                int uids = 0;
                int eids = 0;
                for (int i = 0; i < requests / THREADS; i++) {
                    int number = ThreadLocalRandom.current().nextInt(BEACONS);
                    String body = BeaconSightingBenchmark.isEid(number)
                            ? Bodies.json("eid", EidComputation.eidAt(BeaconSightingBenchmark.identityKey(number), ROTATION_EXPONENT, Instant.now().getEpochSecond()), "rssi", -65)
                            : Bodies.json("beaconId", BeaconSightingBenchmark.beaconId(number), "rssi", -65);
                    long sent = System.nanoTime();
                    Api.Answer answer = customer.post(Endpoint.BEACON_SIGHTING.path(), body);
                    long took = System.nanoTime() - sent;
                    assertEquals(200, answer.status(), () -> "beacon " + number + ": " + answer);
                    assertEquals(BeaconSightingBenchmark.beaconId(number), answer.json().path("beaconId").asText());
                    if (BeaconSightingBenchmark.isEid(number)) {
                        eid[eids++] = took;
                    } else {
                        uid[uids++] = took;
                    }
                }
                return new long[][] {Arrays.copyOf(uid, uids), Arrays.copyOf(eid, eids)};
            }));
        }
        List<long[][]> all = new ArrayList<>();
        for (Future<long[][]> result : results) {
            all.add(result.get());
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        if (print) {
            BeaconSightingBenchmark.report("HTTP, " + THREADS + " client threads", requests, elapsed, all);
            // The database's ceiling for what a sighting read before the in-memory directory: one
            // beacon by primary key, random among the 10 000, from as many pgbench clients.
            Optional<PgBench.Target> pg = PgBench.Target.ofUrl(System.getProperty("tillpoint.it.pg.url", ""));
            Optional<Double> ceiling = pg.isEmpty() ? Optional.empty() : PgBench.tps(pg.get(),
                    "\\set n random(0, " + (BEACONS - 1) + ")\n"
                            + "select id, page_url, page_title, broadcast_until, tx_power, preset_distance_meters from beacons"
                            + " where id = '" + BeaconSightingBenchmark.NAMESPACE + "' || lpad(to_hex(:n), 12, '0');\n",
                    THREADS, 10);
            System.out.printf(Locale.ROOT, "  HTTP sightings: %s%n", PgBench.ratio(requests / (elapsed / 1e9), ceiling));
        }
    }

}
