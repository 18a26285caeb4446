package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tillpoint.beacons.BeaconPage;
import dev.tillpoint.beacons.BeaconRegistry;
import dev.tillpoint.beacons.DeviceInstructions;
import dev.tillpoint.beacons.EidRegistration;
import dev.tillpoint.beacons.NewBeacon;
import dev.tillpoint.beacons.Sighting;
import dev.tillpoint.beacons.SightingAnswer;
import dev.tillpoint.beacons.SightingResolver;
import dev.tillpoint.shared.Result;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sighting resolution throughput with 10 000 registered, broadcasting beacons, half of them
 * Eddystone-EID (DESIGN.md "Beacon pages": the hot path). The beacons are registered in-container
 * through the registry service, in batches of one transaction each; their ids and identity keys
 * are derived from their number, so the HTTP client can compute each one's current EID itself.
 * Prints requests/s and latency percentiles; asserts only that every sighting resolved to the
 * right beacon. Run: {@code mvn verify -Pbenchmarks -Dit.test=BeaconSightingBenchmark} plus the port flags.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BeaconSightingBenchmark extends InsideEarServices {

    static final int BEACONS = 10_000;
    static final int ROTATION_EXPONENT = 10;
    static final int BATCH = 250;
    static final int THREADS = 8;
    static final int WARM_UP_REQUESTS = 2_000;
    static final int MEASURED_REQUESTS = 20_000;
    static final int WARM_UP_SECONDS = 10;
    /** Ids of this run's beacons: a fixed 10-byte namespace, the beacon number as the instance. */
    static final String NAMESPACE = "b3ac0be7c4a1e0000000";

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(BeaconSightingBenchmark.class, InsideEarServices.class, Cards.class, EidComputation.class,
                PgBench.class, PgBench.Target.class);
    }

    @EJB(lookup = EJB_MODULE + "BeaconRegistry")
    BeaconRegistry registry;

    @EJB(lookup = EJB_MODULE + "DeviceInstructions")
    DeviceInstructions instructions;

    /** A plain CDI bean, not an EJB: taken from the deployment's container, inside the server only. */
    private static SightingResolver resolver() {
        return jakarta.enterprise.inject.spi.CDI.current().select(SightingResolver.class).get();
    }

    static String beaconId(int number) {
        return NAMESPACE + String.format(Locale.ROOT, "%012x", number);
    }

    static boolean isEid(int number) {
        return number % 2 == 1;
    }

    static String identityKey(int number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("tillpoint-benchmark-identity-key-" + number).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void registerTenThousandBeaconsHalfOfThemEid() throws Exception {
        long started = System.nanoTime();
        for (int first = 0; first < BEACONS; first += BATCH) {
            int from = first;
            inTransaction(() -> {
                for (int number = from; number < Math.min(BEACONS, from + BATCH); number++) {
                    EidRegistration eid = isEid(number) ? new EidRegistration(identityKey(number), ROTATION_EXPONENT, null) : null;
                    assertInstanceOf(Result.Ok.class, registry.register(new NewBeacon(beaconId(number), null, 50.0, -59,
                            null, new BeaconPage("https://bench.example/" + number, "Beacon " + number, null, null), eid)));
                }
                return null;
            });
        }
        long registered = System.nanoTime();
        for (int first = 0; first < BEACONS; first += BATCH) {
            int from = first;
            inTransaction(() -> {
                for (int number = from; number < Math.min(BEACONS, from + BATCH); number++) {
                    assertInstanceOf(Result.Ok.class, instructions.trigger(beaconId(number), 3_600));
                }
                return null;
            });
        }
        long triggered = System.nanoTime();
        System.out.printf(Locale.ROOT, "%nBeaconSightingBenchmark set-up: %d beacons (%d EID) registered in %.1f s, triggered in %.1f s%n",
                BEACONS, BEACONS / 2, (registered - started) / 1e9, (triggered - registered) / 1e9);
    }

    @Test
    @Order(2)
    @RunAsClient
    void sightingResolutionOverHttp() throws Exception {
        // The HTTP client lives in its own class: its types are not in the server, where this class is loaded too.
        BeaconSightingLoad.run(WARM_UP_SECONDS, Integer.getInteger("tillpoint.it.benchSeconds", 20));
    }

    @Test
    @Order(3)
    void sightingResolutionInContainer() throws Exception {
        runInContainer(WARM_UP_REQUESTS, false);
        runInContainer(MEASURED_REQUESTS, true);
    }

    private void runInContainer(int requests, boolean print) throws Exception {
        SightingResolver resolver = resolver();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<long[][]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<long[][]> work = () -> {
                long[] uid = new long[requests / THREADS];
                long[] eid = new long[requests / THREADS];
                int uids = 0;
                int eids = 0;
                for (int i = 0; i < requests / THREADS; i++) {
                    int number = ThreadLocalRandom.current().nextInt(BEACONS);
                    Sighting sighting = isEid(number)
                            ? new Sighting(null, EidComputation.eidAt(identityKey(number), ROTATION_EXPONENT, Instant.now().getEpochSecond()), -65, null)
                            : new Sighting(beaconId(number), null, -65, null);
                    long sent = System.nanoTime();
                    Result<SightingAnswer> answer = resolver.resolve("bench-inside-" + thread, sighting);
                    long took = System.nanoTime() - sent;
                    Result.Ok<SightingAnswer> ok = assertInstanceOf(Result.Ok.class, answer, () -> "beacon " + number + ": " + answer);
                    assertEquals(beaconId(number), ok.value().beaconId());
                    if (isEid(number)) {
                        eid[eids++] = took;
                    } else {
                        uid[uids++] = took;
                    }
                }
                return new long[][] {Arrays.copyOf(uid, uids), Arrays.copyOf(eid, eids)};
            };
            results.add(pool.submit(work));
        }
        List<long[][]> all = new ArrayList<>();
        for (Future<long[][]> result : results) {
            all.add(result.get());
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        if (print) {
            report("in-container SightingResolver calls, " + THREADS + " threads", requests, elapsed, all);
        }
    }

    static void report(String label, int requests, long elapsedNanos, List<long[][]> perThread) {
        long[] uid = perThread.stream().flatMapToLong(r -> Arrays.stream(r[0])).sorted().toArray();
        long[] eid = perThread.stream().flatMapToLong(r -> Arrays.stream(r[1])).sorted().toArray();
        long[] mixed = java.util.stream.LongStream.concat(Arrays.stream(uid), Arrays.stream(eid)).sorted().toArray();
        System.out.printf(Locale.ROOT, "BeaconSightingBenchmark %s: %d sightings of %d beacons in %.2f s = %.0f requests/s%n",
                label, requests, BEACONS, elapsedNanos / 1e9, requests / (elapsedNanos / 1e9));
        System.out.printf(Locale.ROOT, "  all:      p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", p(mixed, 50), p(mixed, 99), mixed[mixed.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  fixed id: p50 %.2f ms, p99 %.2f ms (%d)%n", p(uid, 50), p(uid, 99), uid.length);
        System.out.printf(Locale.ROOT, "  EID:      p50 %.2f ms, p99 %.2f ms (%d)%n", p(eid, 50), p(eid, 99), eid.length);
    }

    private static double p(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
