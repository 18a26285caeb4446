package dev.tillpoint.it;

import static dev.tillpoint.it.BeaconSightingBenchmark.BEACONS;
import static dev.tillpoint.it.BeaconSightingBenchmark.ROTATION_EXPONENT;
import static dev.tillpoint.it.BeaconSightingBenchmark.THREADS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of {@link BeaconSightingBenchmark}: phones posting sightings of random beacons, half
 * by fixed id and half by their current EID, over {@value BeaconSightingBenchmark#THREADS} keep-alive
 * connections in a closed loop.
 *
 * <p>The load generator shares the machine's cores with the server, so it must cost little and
 * compute nothing per request: every body (the EIDs of the run's rotation period, which the server
 * accepts for a whole period either side) and every token is computed before the clock starts.
 * The run uses {@code wrk} (Debian package; {@code it/install-wrk.sh}) with a Lua script cycling
 * through the bodies and tokens, which spends a few tens of microseconds of CPU per request; without
 * wrk it falls back to Java client threads over the same pre-computed bodies, which cost the
 * machine several times more and say so. Latency is wrk's: from the moment a request starts being
 * written to the moment its whole response is read.
 *
 * <p>Two measured runs: at full speed (no think time: the achieved rate is the capacity, and its
 * p99 is the queue's at saturation), and paced, each connection waiting
 * {@code tillpoint.it.beaconThinkMillis} (default 2) after every answer, which holds the load near
 * the 2 500/s over 8 connections: the p99 a phone sees at that rate, not at saturation.
 * wrk has no clock in its scripts to hold an exact arrival rate (wrk2 is not packaged here); the
 * paced run prints the rate it achieved.
 */
final class BeaconSightingLoad {

    /** Think time of the paced run, per connection after each answer. */
    private static final int THINK_MILLIS = Integer.getInteger("tillpoint.it.beaconThinkMillis", 2);
    /** Distinct bodies cycled through: enough that the 10 000 beacons are sighted about evenly. */
    static final int BODIES = 20_000;
    /** The second line of bash's {@code times}: user and system time of the shell's children. */
    private static final Pattern CHILD_TIMES = Pattern.compile("(?m)^\\d+m[0-9.]+s \\d+m[0-9.]+s\\R(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s");
    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests (\\d+) seconds ([0-9.]+) unexpected (\\d+) socketErrors (\\d+) p50 ([0-9.]+) p99 ([0-9.]+) max ([0-9.]+)");

    private BeaconSightingLoad() {
    }

    /** One request: its body and the beacon it must resolve to. */
    record Body(String json, String beaconId) {
    }

    /** The run's bodies: random beacons (fixed seed), EIDs of the current rotation period. */
    static List<Body> bodies(int count) {
        Random random = new Random(20_261_207L);
        long now = Instant.now().getEpochSecond();
        List<Body> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = random.nextInt(BEACONS);
            String json = BeaconSightingBenchmark.isEid(number)
                    ? Bodies.json("eid", EidComputation.eidAt(BeaconSightingBenchmark.identityKey(number), ROTATION_EXPONENT, now), "rssi", -65)
                    : Bodies.json("beaconId", BeaconSightingBenchmark.beaconId(number), "rssi", -65);
            bodies.add(new Body(json, BeaconSightingBenchmark.beaconId(number)));
        }
        return bodies;
    }

    /** Warm-up, then the measured run; prints the figures, server CPU per request and the ratio to pgbench. */
    static void run(int warmUpSeconds, int seconds) throws Exception {
        List<Body> bodies = bodies(BODIES);
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tokens.add(Api.tokens().mint("bench-customer-" + t, "customer", 3_600));
        }
        // Every body is checked once for the beacon it resolves to; the timed runs check the status only.
        checkAnswers(bodies.subList(0, 400), tokens.get(0));
        Optional<ServerCpu> server = ServerCpu.find();
        boolean wrk = wrkInstalled();
        double perSecond;
        if (wrk) {
            Path dir = Files.createTempDirectory("tillpoint-sightings");
            try {
                Path script = wrkScript(dir, bodies, tokens, 0);
                wrk(script, warmUpSeconds);
                WrkResult result = measured(script, seconds, server, "full speed");
                perSecond = result.requests() / result.seconds();
                measured(wrkScript(dir, bodies, tokens, THINK_MILLIS), seconds, server,
                        "paced, " + THINK_MILLIS + " ms think time per connection");
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } else {
            System.out.println("BeaconSightingBenchmark: wrk is not installed (it/install-wrk.sh); Java client threads instead,"
                    + " which cost the shared cores more than wrk does");
            overJava(bodies, tokens, warmUpSeconds, false, server);
            perSecond = overJava(bodies, tokens, seconds, true, server);
        }
        // The database's ceiling for what a sighting read before the in-memory directory: one
        // beacon by primary key, random among the 10 000, from as many pgbench clients.
        Optional<PgBench.Target> pg = PgBench.Target.ofUrl(System.getProperty("tillpoint.it.pg.url", ""));
        Optional<Double> ceiling = pg.isEmpty() ? Optional.empty() : PgBench.tps(pg.get(),
                "\\set n random(0, " + (BEACONS - 1) + ")\n"
                        + "select id, page_url, page_title, broadcast_until, tx_power, preset_distance_meters from beacons"
                        + " where id = '" + BeaconSightingBenchmark.NAMESPACE + "' || lpad(to_hex(:n), 12, '0');\n",
                THREADS, 10);
        System.out.printf(Locale.ROOT, "  HTTP sightings: %s%n", PgBench.ratio(perSecond, ceiling));
    }

    /** One measured wrk run: every answer 200, figures and CPU per request printed. */
    private static WrkResult measured(Path script, int seconds, Optional<ServerCpu> server, String pace)
            throws IOException, InterruptedException {
        long cpuBefore = server.map(ServerCpu::nanos).orElse(0L);
        WrkResult result = wrk(script, seconds);
        long cpu = server.map(ServerCpu::nanos).orElse(0L) - cpuBefore;
        assertEquals(0, result.unexpected(), "answers other than 200");
        assertEquals(0, result.socketErrors(), "socket errors");
        System.out.printf(Locale.ROOT, "BeaconSightingBenchmark HTTP, wrk, %d connections, %s: %d sightings of %d beacons"
                        + " in %.2f s = %.0f requests/s%n", THREADS, pace, result.requests(), BEACONS, result.seconds(),
                result.requests() / result.seconds());
        System.out.printf(Locale.ROOT, "  all:      p50 %.2f ms, p99 %.2f ms, max %.2f ms (wrk: from the start of sending to the whole answer)%n",
                result.p50(), result.p99(), result.max());
        System.out.printf(Locale.ROOT, "  wrk CPU: %.0f us/request%n", result.clientCpuMicros() / result.requests());
        if (server.isPresent()) {
            System.out.printf(Locale.ROOT, "  server CPU: %.0f us/request (%.2f cores)%n",
                    cpu / 1e3 / result.requests(), cpu / 1e9 / result.seconds());
        }
        return result;
    }

    private static void checkAnswers(List<Body> bodies, String token) {
        Api customer = Api.withAuthorization("Bearer " + token);
        for (Body body : bodies) {
            Api.Answer answer = customer.post(Endpoint.BEACON_SIGHTING.path(), body.json());
            assertEquals(200, answer.status(), () -> body + ": " + answer);
            assertEquals(body.beaconId(), answer.json().path("beaconId").asText(), body::toString);
        }
    }

    static boolean wrkInstalled() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The Lua script: one body and token after the other (each of wrk's threads from its own
     * offset), the status of every answer counted, and the figures printed in one line at the end;
     * with {@code thinkMillis} above 0, each connection waits that long after every answer.
     */
    private static Path wrkScript(Path dir, List<Body> bodies, List<String> tokens, int thinkMillis) throws IOException {
        Path bodyFile = Files.write(dir.resolve("bodies.txt"), bodies.stream().map(Body::json).toList(), StandardCharsets.UTF_8);
        Path tokenFile = Files.write(dir.resolve("tokens.txt"), tokens, StandardCharsets.UTF_8);
        String lua = """
                local bodies = {}
                for line in io.lines("%s") do bodies[#bodies + 1] = line end
                local auth = {}
                for line in io.lines("%s") do auth[#auth + 1] = "Bearer " .. line end
                local threads = {}
                local counter = 0
                unexpected = 0
                function setup(thread)
                  thread:set("offset", #threads * 7919)
                  table.insert(threads, thread)
                end
                function init(args)
                  counter = offset or 0
                end
                function request()
                  counter = counter + 1
                  return wrk.format("POST", "%s", {["Content-Type"] = "application/json",
                      ["Authorization"] = auth[(counter %% #auth) + 1]}, bodies[(counter %% #bodies) + 1])
                end
                function response(status, headers, body)
                  if status ~= 200 then unexpected = unexpected + 1 end
                end
                %s
                function done(summary, latency, requests)
                  local refused = 0
                  for _, thread in ipairs(threads) do refused = refused + thread:get("unexpected") end
                  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
                  io.write(string.format("RESULT requests %%d seconds %%.3f unexpected %%d socketErrors %%d p50 %%.3f p99 %%.3f max %%.3f\\n",
                      summary.requests, summary.duration / 1e6, refused, errors,
                      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
                end
                """.formatted(bodyFile, tokenFile, Endpoint.BEACON_SIGHTING.path(),
                thinkMillis > 0 ? "function delay() return " + thinkMillis + " end" : "");
        return Files.writeString(dir.resolve("sightings-" + thinkMillis + ".lua"), lua, StandardCharsets.UTF_8);
    }

    /** What a wrk run printed: {@code unexpected} counts answers other than the script's expected status. */
    record WrkResult(long requests, double seconds, long unexpected, long socketErrors, double p50, double p99, double max,
            double clientCpuMicros) {
    }

    private static WrkResult wrk(Path script, int seconds) throws IOException, InterruptedException {
        return wrk(script, seconds, Api.baseUrl());
    }

    /**
     * Runs wrk with {@code script} (2 threads, {@value BeaconSightingBenchmark#THREADS} connections) against
     * {@code url}; the script prints the {@code RESULT} line (see {@link #wrkScript}).
     */
    static WrkResult wrk(Path script, int seconds, String url) throws IOException, InterruptedException {
        // The shell's "times" prints the CPU its children used: wrk's own cost per request.
        Process wrk = new ProcessBuilder("bash", "-c", "wrk \"$@\" && times", "wrk", "-t2", "-c" + THREADS, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(wrk.waitFor(seconds + 60L, TimeUnit.SECONDS), "wrk did not end");
        Matcher result = RESULT.matcher(output);
        assertTrue(wrk.exitValue() == 0 && result.find(), () -> "wrk failed: " + output);
        double cpuMicros = 0;
        Matcher times = CHILD_TIMES.matcher(output);
        if (times.find()) {
            cpuMicros = 1e6 * (60 * Double.parseDouble(times.group(1)) + Double.parseDouble(times.group(2))
                    + 60 * Double.parseDouble(times.group(3)) + Double.parseDouble(times.group(4)));
        }
        return new WrkResult(Long.parseLong(result.group(1)), Double.parseDouble(result.group(2)),
                Long.parseLong(result.group(3)), Long.parseLong(result.group(4)), Double.parseDouble(result.group(5)),
                Double.parseDouble(result.group(6)), Double.parseDouble(result.group(7)), cpuMicros);
    }

    /** The fallback: Java client threads, closed loop, over the same bodies; returns requests/s. */
    private static double overJava(List<Body> bodies, List<String> tokens, int seconds, boolean print, Optional<ServerCpu> server)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> results = new ArrayList<>();
        long cpuBefore = server.map(ServerCpu::nanos).orElse(0L);
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Api customer = Api.withAuthorization("Bearer " + tokens.get(thread));
                long[] took = new long[1 << 16];
                int n = 0;
                for (int i = thread * 7919; System.nanoTime() < end; i++) {
                    Body body = bodies.get(i % bodies.size());
                    long sent = System.nanoTime();
                    Api.Answer answer = customer.post(Endpoint.BEACON_SIGHTING.path(), body.json());
                    long elapsed = System.nanoTime() - sent;
                    assertEquals(200, answer.status(), () -> body + ": " + answer);
                    if (n == took.length) {
                        took = Arrays.copyOf(took, n * 2);
                    }
                    took[n++] = elapsed;
                }
                return Arrays.copyOf(took, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        long elapsed = System.nanoTime() - started;
        long cpu = server.map(ServerCpu::nanos).orElse(0L) - cpuBefore;
        pool.shutdown();
        long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = sorted.length / (elapsed / 1e9);
        if (print) {
            System.out.printf(Locale.ROOT, "BeaconSightingBenchmark HTTP, Java client, %d threads: %d sightings of %d beacons in %.2f s = %.0f requests/s%n",
                    THREADS, sorted.length, BEACONS, elapsed / 1e9, perSecond);
            System.out.printf(Locale.ROOT, "  all:      p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
            if (server.isPresent()) {
                System.out.printf(Locale.ROOT, "  server CPU: %.0f us/request%n", cpu / 1e3 / sorted.length);
            }
        }
        return perSecond;
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * The server's CPU time, read from the operating system: the benchmark's WildFly runs on this
     * machine, found by the port offset on its command line.
     */
    record ServerCpu(ProcessHandle process) {
        static Optional<ServerCpu> find() {
            int offset = URI.create(Api.baseUrl()).getPort() - 8080;
            String flag = "-Djboss.socket.binding.port-offset=" + offset;
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(flag)).orElse(false))
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                    .findFirst()
                    .map(ServerCpu::new);
        }

        long nanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }
}
