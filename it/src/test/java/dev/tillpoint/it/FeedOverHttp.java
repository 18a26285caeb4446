package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The HTTP half of {@link FeedBenchmark}, run from outside the server as the phone calls the API. */
final class FeedOverHttp {

    private FeedOverHttp() {
    }

    static void measure(Properties handover, int reads, int samples) throws Exception {
        String viewer = handover.getProperty("viewer");
        Api phone = Api.as(viewer, "customer");
        String firstPage = Endpoint.MY_FEED.path() + "?limit=20";
        for (int i = 0; i < 10; i++) {
            Expect.ok(phone.get(firstPage));
        }
        long[] readNanos = new long[reads];
        long readsStart = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            Api.Answer answer = phone.get(firstPage);
            readNanos[i] = System.nanoTime() - start;
            assertEquals(20, Expect.ok(answer).path("items").size());
        }
        long readsTook = System.nanoTime() - readsStart;
        Arrays.sort(readNanos);
        System.out.printf("FeedBenchmark [%s]: HTTP GET /feed?limit=20: %.1f reads/s on one client, p50 %.1f ms,"
                        + " p99 %.1f ms%n", db(), reads / seconds(readsTook), millis(percentile(readNanos, 50)),
                millis(percentile(readNanos, 99)));

        // The same reads over one keep-alive HTTP/1.1 connection with no JSON parsing: what the
        // server and the wire cost, apart from the JDK client (which upgrades to HTTP/2, h2c) and Jackson.
        BenchConnection plain = new BenchConnection(Api.baseUrl());
        String token = "Bearer " + Api.tokens().mint(viewer, "customer", 600);
        try {
            for (int i = 0; i < 10; i++) {
                assertEquals(200, plain.get(firstPage, token).status());
            }
            long[] plainNanos = new long[reads];
            long plainStart = System.nanoTime();
            for (int i = 0; i < reads; i++) {
                long start = System.nanoTime();
                BenchConnection.Answer answer = plain.get(firstPage, token);
                plainNanos[i] = System.nanoTime() - start;
                assertEquals(200, answer.status());
            }
            long plainTook = System.nanoTime() - plainStart;
            Arrays.sort(plainNanos);
            System.out.printf("FeedBenchmark [%s]: HTTP/1.1 keep-alive GET /feed?limit=20, body not parsed: %.1f reads/s"
                            + " on one client, p50 %.1f ms, p99 %.1f ms%n", db(), reads / seconds(plainTook),
                    millis(percentile(plainNanos, 50)), millis(percentile(plainNanos, 99)));
        } finally {
            plain.close();
        }

        int threads = 8;
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        long concurrentStart = System.nanoTime();
        List<Future<long[]>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(clients.submit(() -> {
                Api client = Api.as(viewer, "customer");
                long[] nanos = new long[reads / threads];
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    assertEquals(200, client.get(firstPage).status());
                    nanos[i] = System.nanoTime() - start;
                }
                return nanos;
            }));
        }
        long[] all = new long[reads / threads * threads];
        int filled = 0;
        for (Future<long[]> future : done) {
            long[] nanos = future.get();
            System.arraycopy(nanos, 0, all, filled, nanos.length);
            filled += nanos.length;
        }
        double took = seconds(System.nanoTime() - concurrentStart);
        clients.shutdown();
        Arrays.sort(all);
        System.out.printf("FeedBenchmark [%s]: HTTP GET /feed?limit=20 with %d clients: %.1f reads/s, p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", db(), threads, all.length / took, millis(percentile(all, 50)),
                millis(percentile(all, 99)), millis(all[all.length - 1]));

        Api watcher = Api.as(handover.getProperty("watcher"), "customer");
        long[] visibleNanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            String post = Feeds.post(handover.getProperty("author"));
            Feeds.share(handover.getProperty("first"), post);
            Thread.sleep(300);
            long start = System.nanoTime();
            Feeds.comment(handover.getProperty("second"), post, "now");
            while (!Expect.ok(watcher.get(firstPage)).toString().contains(post)) {
                assertTrue(System.nanoTime() - start < 30_000_000_000L, "the interaction never showed");
            }
            visibleNanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(visibleNanos);
        System.out.printf("FeedBenchmark [%s]: HTTP interaction 202 -> visible in GET /feed: p50 %.1f ms, p99 %.1f ms"
                        + " (%d samples)%n", db(), millis(percentile(visibleNanos, 50)), millis(percentile(visibleNanos, 99)),
                samples);
    }

    private static String db() {
        return System.getProperty("tillpoint.it.db", "?");
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
