package dev.tillpoint.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The POS payment benchmark of issue 16, against a server on PostgreSQL: open-model load at a fixed
 * arrival rate (each request has an intended send time; its latency runs from then, so a stalled
 * server cannot hide its queue: no coordinated omission), over {@code connections} HTTP connections,
 * with approvals, declines and refunds counted apart, and in the same run pgbench on the same
 * database with the raw SQL of one payment (lock and update the authorization, debit the account
 * with a balance check, insert the payment and two ledger entries, commit), for the ratio.
 *
 * <p>Phases: prepare (customers, accounts and offline authorizations over the API; their one-time
 * codes are derived at send time from the secrets, as a phone does); warm-up; saturation (offered
 * far above what the server can do: the achieved rate is its capacity); pgbench for as long; then at
 * half the achieved capacity approvals, declines ({@code LIMIT_EXCEEDED}) and refunds, each with
 * its latency percentiles. Settings are system properties, {@code tillpoint.bench.*} (README).
 */
final class PosPaymentLoad {

    private static final long AMOUNT = 100;
    private static final int DEVICES_PER_CUSTOMER = 4;

    private final String baseUrl = System.getProperty("tillpoint.bench.baseUrl", Api.baseUrl());
    private final int connections = Integer.getInteger("tillpoint.bench.connections", 8);
    private final int authorizations = Integer.getInteger("tillpoint.bench.authorizations", 4_000);
    private final int terminals = Integer.getInteger("tillpoint.bench.terminals", 64);
    private final int warmupSeconds = Integer.getInteger("tillpoint.bench.warmupSeconds", 20);
    private final int warmupRate = Integer.getInteger("tillpoint.bench.warmupRate", 150);
    private final int measureSeconds = Integer.getInteger("tillpoint.bench.measureSeconds", 10);
    private final int saturationRate = Integer.getInteger("tillpoint.bench.saturationRate", 2_000);
    /** The build's PostgreSQL pass names its database in this URL: the default for pgbench's. */
    private static final java.util.regex.Matcher BUILD_DATABASE = java.util.regex.Pattern
            .compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*")
            .matcher(System.getProperty("tillpoint.it.pg.url", ""));
    private static final boolean IN_BUILD = BUILD_DATABASE.matches();

    private final String pgHost = System.getProperty("tillpoint.bench.pgHost", IN_BUILD ? BUILD_DATABASE.group(1) : "127.0.0.1");
    private final String pgPort = System.getProperty("tillpoint.bench.pgPort", IN_BUILD ? BUILD_DATABASE.group(2) : "5432");
    private final String pgUser = System.getProperty("tillpoint.bench.pgUser", "postgres");
    private final String pgDatabase = System.getProperty("tillpoint.bench.pgDatabase",
            IN_BUILD ? BUILD_DATABASE.group(3) : "tillpoint");

    /** Keys unique to this run: a run against a database that kept an earlier run's keys replays nothing. */
    private final String runId = Long.toHexString(new java.security.SecureRandom().nextLong());
    private final List<String> terminalTokens = new ArrayList<>();
    private final ConcurrentLinkedQueue<Phone> idlePhones = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> approvedPayments = new ConcurrentLinkedQueue<>();
    private final AtomicLong requestNumber = new AtomicLong();
    /** The server's process when it runs on this machine: its CPU per answer holds on a shared machine. */
    private final Optional<BeaconSightingLoad.ServerCpu> server = BeaconSightingLoad.ServerCpu.find();

    /** One authorization: its secret and the next code step it may use (steps only go up). */
    private static final class Phone {
        final String userId;
        final byte[] secret;
        long nextStep = Long.MIN_VALUE;

        Phone(String userId, byte[] secret) {
            this.userId = userId;
            this.secret = secret;
        }
    }

    /** The p99 under which an open-model step counts as kept up (a server that falls behind queues into seconds). */
    static final Duration KEPT_UP_P99 = Duration.ofMillis(100);

    /** What one phase measured. */
    record Figures(String phase, double offeredPerSecond, double achievedPerSecond, long expected, long other,
                   long unsent, long connectionsOpened, Histogram latency, Optional<Long> serverCpuNanos,
                   long clientCpuNanos, long noCall) {

        /** Whether the server kept up with the arrival rate: every request sent and answered as expected, p99 bounded. */
        boolean keptUp() {
            return unsent == 0 && noCall == 0 && other == 0 && latency.getValueAtPercentile(99) <= KEPT_UP_P99.toNanos();
        }

        String line() {
            return String.format(Locale.ROOT, "%-22s offered %7.1f/s achieved %7.1f/s (expected answers %d, other %d,"
                            + " not sent %d, connections opened %d) latency ms p50 %6.1f p99 %6.1f p99.9 %6.1f max %6.1f%s",
                    phase, offeredPerSecond, achievedPerSecond, expected, other, unsent, connectionsOpened,
                    ms(latency.getValueAtPercentile(50)),
                    ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()),
                    serverCpuNanos.map(cpu -> String.format(Locale.ROOT, "; server CPU %.0f us/answer",
                            cpu / 1e3 / Math.max(1, expected + other))).orElse("")
                            + String.format(Locale.ROOT, "; load generator CPU %.0f us/request",
                            clientCpuNanos / 1e3 / Math.max(1, expected + other))
                            + (noCall == 0 ? "" : "; no code or payment left to send for " + noCall));
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /**
     * One request of the load: what to send (over the worker's own keep-alive HTTP/1.1 connection,
     * {@link BenchConnection}) and which status it expects; {@code approval} marks a payment whose
     * id a refund can use later.
     */
    private record Call(String path, String authorization, String idempotencyKey, String body, boolean approval,
                        int expectedStatus, Runnable onExpected) {
    }

    /** For a run outside Maven (same settings): java -cp <test classpath> dev.tillpoint.it.PosPaymentLoad */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("tillpoint.bench.baseUrl") != null) {
            System.setProperty("tillpoint.it.baseUrl", System.getProperty("tillpoint.bench.baseUrl"));
        }
        new PosPaymentLoad().run();
    }

    /** Runs every phase; prints each line as it is measured and returns them all. */
    String run() throws Exception {
        return run(new Report(new StringBuilder()));
    }

    /** The report, also printed line by line as the phases end (a run takes minutes). */
    private record Report(StringBuilder lines) {
        Report append(Object text) {
            String line = String.valueOf(text);
            lines.append(line);
            System.out.print(line);
            System.out.flush();
            return this;
        }

        Report append(char c) {
            return append(String.valueOf(c));
        }

        @Override
        public String toString() {
            return lines.toString();
        }
    }

    private String run(Report report) throws Exception {
        report.append(String.format(Locale.ROOT, "PosPaymentBenchmark against %s, PostgreSQL database %s on %s:%s,"
                        + " %d connections, %d cores on this machine, %s%n", baseUrl, pgDatabase, pgHost, pgPort, connections,
                Runtime.getRuntime().availableProcessors(), Instant.now()));
        long prepareStart = System.nanoTime();
        prepare();
        report.append(String.format(Locale.ROOT, "prepared %d authorizations and %d terminals in %.1f s%n", authorizations,
                terminals, (System.nanoTime() - prepareStart) / 1e9));
        report.append(drive("warm-up approvals", warmupRate, warmupSeconds, this::approval).line()).append('\n');
        Figures saturation = drive("saturation approvals", saturationRate, measureSeconds, this::approval);
        report.append(saturation.line()).append('\n');
        Optional<WrkRate> overWrk = saturationOverWrk(report);
        double rawTps = pgbench(measureSeconds);
        report.append(String.format(Locale.ROOT, "pgbench raw-SQL payment, %d clients, %d s: %.1f tps%n", connections,
                measureSeconds, rawTps));
        Optional<Figures> sustained = sustainedRate(report, saturation.achievedPerSecond());
        report.append(String.format(Locale.ROOT, "RATIO approvals/s : raw-SQL tps = %.1f / %.1f = %.3f%n",
                saturation.achievedPerSecond(), rawTps, saturation.achievedPerSecond() / rawTps));
        sustained.ifPresent(kept -> report.append(String.format(Locale.ROOT,
                "RATIO (open model, sustained) approvals/s : raw-SQL tps = %.1f / %.1f = %.3f%n",
                kept.achievedPerSecond(), rawTps, kept.achievedPerSecond() / rawTps)));
        overWrk.ifPresent(wrk -> report.append(String.format(Locale.ROOT,
                "RATIO (wrk) approvals/s : raw-SQL tps = %.1f / %.1f = %.3f%n", wrk.fullSpeed(), rawTps, wrk.fullSpeed() / rawTps))
                .append(String.format(Locale.ROOT, "RATIO (wrk, paced) approvals/s : raw-SQL tps = %.1f / %.1f = %.3f%n",
                        wrk.paced(), rawTps, wrk.paced() / rawTps)));
        int half = (int) Math.max(1, Math.round(saturation.achievedPerSecond() / 2));
        // Declines and refunds run code the approvals' warm-up never reached: warmed up too, so their
        // p99 is the path's, not the JIT's first compilations.
        report.append(drive("warm-up declines", half, WARMUP_OTHERS_SECONDS, this::decline).line()).append('\n');
        report.append(drive("warm-up refunds", half, WARMUP_OTHERS_SECONDS, this::refund).line()).append('\n');
        report.append(drive("half-rate approvals", half, measureSeconds, this::approval).line()).append('\n');
        report.append(drive("half-rate declines", half, measureSeconds, this::decline).line()).append('\n');
        report.append(drive("half-rate refunds", half, measureSeconds, this::refund).line()).append('\n');
        return report.toString();
    }

    /** Seconds of the declines' and the refunds' warm-up. */
    private static final int WARMUP_OTHERS_SECONDS = 5;
    /** Steps of the search for the sustained rate, each this much above the one before. */
    private static final double SUSTAINED_STEP = 1.1;
    private static final int SUSTAINED_STEPS = 8;
    /** The search starts this far below the saturation's achieved rate, so that its first step is kept up. */
    private static final double SUSTAINED_START = 0.7;

    /**
     * The highest arrival rate the server keeps up with, open model: fixed rates from 70 % of the
     * saturation's achieved rate up in steps of 10 %, {@code measureSeconds} each, until a step is
     * not kept up ({@link Figures#keptUp}: a request not sent in time, an unexpected answer, or p99
     * over {@link #KEPT_UP_P99}). The saturation phase offers far more than the server takes, so its
     * workers send back to back and its achieved rate is a closed loop's; here requests arrive at
     * their own times, as a bank's tills send them.
     *
     * @return the last step kept up, when the first was
     */
    private Optional<Figures> sustainedRate(Report report, double from) throws InterruptedException {
        Optional<Figures> kept = Optional.empty();
        double rate = Math.max(1, Math.floor(from * SUSTAINED_START));
        for (int step = 0; step < SUSTAINED_STEPS; step++, rate = Math.floor(rate * SUSTAINED_STEP)) {
            Figures figures = drive("sustained approvals", (int) rate, measureSeconds, this::approval);
            report.append(figures.line()).append(figures.keptUp() ? "; kept up" : "; not kept up").append('\n');
            if (!figures.keptUp()) {
                break;
            }
            kept = Optional.of(figures);
        }
        return kept;
    }

    // ---------------------------------------------------------------- preparation

    private void prepare() throws Exception {
        String merchant = Bank.merchant();
        for (int i = 0; i < terminals; i++) {
            terminalTokens.add("Bearer " + Api.tokens().mint(Bank.terminal(merchant), "pos", 3_600));
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<java.util.concurrent.Future<List<Phone>>> customers = new ArrayList<>();
            for (int c = 0; c < (authorizations + DEVICES_PER_CUSTOMER - 1) / DEVICES_PER_CUSTOMER; c++) {
                customers.add(pool.submit(this::customerWithPhones));
            }
            // Device by device, so that the phones taken one after the other belong to different
            // customers: a customer's devices share one account, and four payments of one account at
            // once would queue on its row's lock, which a bank's traffic does not do.
            List<List<Phone>> byCustomer = new ArrayList<>();
            for (java.util.concurrent.Future<List<Phone>> customer : customers) {
                byCustomer.add(customer.get());
            }
            for (int d = 0; d < DEVICES_PER_CUSTOMER; d++) {
                for (List<Phone> phones : byCustomer) {
                    idlePhones.add(phones.get(d));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Phone> customerWithPhones() {
        String customer = Bank.customer();
        String card = Cards.luhnValid(16);
        Bank.account(customer, card, "EUR", 100_000_000, Bank.PIN);
        Api phone = Api.as(customer, "customer");
        List<Phone> phones = new ArrayList<>();
        for (int d = 0; d < DEVICES_PER_CUSTOMER; d++) {
            JsonNode approval = Expect.created(phone.post(Endpoint.CREATE_OFFLINE_AUTHORIZATION.path(),
                    Bodies.json("accountNumber", card, "secureCode", Bank.PIN, "deviceId", "bench-" + d)));
            phones.add(new Phone(customer, OfflineCodes.base32(approval.path("code").path("secret").asText())));
        }
        return phones;
    }

    // ---------------------------------------------------------------- the calls

    /** A payment with the next unused step of an idle phone; null when no phone has one left now. */
    private Call approval() {
        return payment(AMOUNT, 201, true);
    }

    /** A payment over the per-transaction cap: LIMIT_EXCEEDED, moves no money, uses the step's first decline. */
    private Call decline() {
        return payment(60_000, 402, false);
    }

    private Call payment(long amount, int expected, boolean approves) {
        long now = OfflineCodes.currentStep();
        long millisIntoStep = System.currentTimeMillis() % (OfflineCodes.PERIOD_SECONDS * 1000);
        // Steps now-1..now+2 (the server accepts now-2..now+2): a code never expires in flight.
        long oldest = millisIntoStep > (OfflineCodes.PERIOD_SECONDS * 1000 - 3_000) ? now : now - 1;
        for (int tries = 0; tries < 64; tries++) {
            Phone phone = idlePhones.poll();
            if (phone == null) {
                return null;
            }
            long step = Math.max(phone.nextStep, oldest);
            if (step > now + 2) {
                idlePhones.add(phone); // used up for now; its next step comes with time
                continue;
            }
            phone.nextStep = step + 1;
            // The code is derived now, at send time, as the phone would show it; the body is the
            // same JSON an ObjectMapper writes, built directly (ids and codes need no escaping).
            String body = "{\"userId\":\"" + phone.userId + "\",\"securityCode\":\""
                    + OfflineCodes.code(phone.secret, step) + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"}";
            return call("/api/v1/pos/payments", body, approves, expected, () -> idlePhones.add(phone));
        }
        return null;
    }

    private Call refund() {
        String paymentId = approvedPayments.poll();
        if (paymentId == null) {
            return null;
        }
        approvedPayments.add(paymentId);
        return call("/api/v1/pos/payments/" + paymentId + "/refunds", "{\"amount\":1}", false, 201, () -> { });
    }

    private Call call(String path, String body, boolean approval, int expected, Runnable onExpected) {
        // Every terminal of the merchant may refund its payments; payments go round the terminals.
        long number = requestNumber.incrementAndGet();
        String token = terminalTokens.get((int) (number % terminalTokens.size()));
        return new Call(path, token, "bench-" + runId + "-" + number, body, approval, expected, onExpected);
    }

    /** The "id" of an approval's JSON body, without parsing the rest. */
    static String idOf(String json) {
        int start = json.indexOf("\"id\":\"");
        if (start < 0) {
            return null;
        }
        start += 6;
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }

    // ---------------------------------------------------------------- open-model driver

    /**
     * Sends {@code rate} requests a second for {@code seconds}, each due at its intended time
     * ({@code start + slot * interval}, whether or not the server kept up); {@code connections}
     * workers each take the next slot when free, wait for its time if it is still ahead, and send.
     * When the server falls behind, slots are taken late and the latency, measured from the
     * intended time, shows it (no coordinated omission). Slots still untaken when the phase's time
     * is up were offered but never sent: counted, not sent. The workers schedule themselves, so no
     * request costs a hand-off between threads: the load generator shares the server's cores.
     */
    private Figures drive(String phase, int rate, int seconds, Supplier<Call> calls) throws InterruptedException {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
        AtomicLong expected = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong unsent = new AtomicLong();
        AtomicLong noCall = new AtomicLong();
        AtomicLong nextSlot = new AtomicLong();
        long total = (long) rate * seconds;
        long openedBefore = BenchConnection.OPENED.get();
        Optional<Long> cpuBefore = server.map(BeaconSightingLoad.ServerCpu::nanos);
        long clientCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        for (int w = 0; w < connections; w++) {
            workers.submit(() -> {
                try (BenchConnection connection = new BenchConnection(baseUrl)) {
                    for (long slot = nextSlot.getAndIncrement(); slot < total; slot = nextSlot.getAndIncrement()) {
                        long intended = start + slot * intervalNanos;
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } else if (System.nanoTime() > end) {
                            unsent.incrementAndGet();
                            continue;
                        }
                        Call call;
                        synchronized (calls) {
                            call = calls.get();
                        }
                        if (call == null) {
                            noCall.incrementAndGet();
                            continue;
                        }
                        int status;
                        try {
                            BenchConnection.Answer answer = connection.post(call.path(), call.authorization(),
                                    call.idempotencyKey(), call.body());
                            status = answer.status();
                            String id = status == 201 && call.approval() ? idOf(answer.body()) : null;
                            if (id != null) {
                                approvedPayments.add(id);
                            }
                        } catch (IOException e) {
                            status = -1;
                        }
                        long took = Math.min(System.nanoTime() - intended, latency.getHighestTrackableValue());
                        synchronized (latency) {
                            latency.recordValue(took);
                        }
                        if (status == call.expectedStatus()) {
                            expected.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                        call.onExpected().run();
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(seconds + 180L, TimeUnit.SECONDS)) {
            workers.shutdownNow();
            throw new IllegalStateException(phase + ": the workers did not finish");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        synchronized (latency) {
            return new Figures(phase, total / (double) seconds, expected.get() / elapsed, expected.get(), other.get(),
                    unsent.get(), BenchConnection.OPENED.get() - openedBefore, latency,
                    server.map(process -> process.nanos() - cpuBefore.orElse(0L)),
                    ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - clientCpuBefore,
                    noCall.get());
        }
    }

    // ---------------------------------------------------------------- saturation over wrk

    /** Think time of the paced wrk run, per connection after each answer. */
    private final int thinkMillis = Integer.getInteger("tillpoint.bench.thinkMillis", 2);

    /** What the two wrk runs achieved: approvals per second. */
    record WrkRate(double fullSpeed, double paced) {
    }

    /**
     * The saturation phase again, sent by wrk (when installed: {@code it/install-wrk.sh}) instead of
     * Java threads: wrk costs the shared cores a fifth of what the Java client does per request, so
     * this capacity is less the load generator's. Closed loop over the same 8 connections (its
     * latency is not open-model and is not reported as such; only the rate counts here), twice: at
     * full speed, each connection sending its next payment the moment it has the answer, and paced,
     * each connection waiting {@code tillpoint.bench.thinkMillis} (2) ms after every answer, as a
     * till does between sales. The two differ by more than the pause: JFR of a saturated run
     * puts about a sixth of the server's samples in Undertow's I/O thread spinning in
     * {@code HttpReadListener.handleEvent} while the worker that wrote the previous answer on the
     * same connection has not yet marked its exchange complete (README, "The payment benchmark").
     * Every idle phone gets bodies for its next three code steps (each accepted for the whole
     * phase), phone after phone, so a phone's next code is thousands of requests after its last; the
     * first run takes the first half of them, the second the rest, and each wrk thread takes every other body of
     * its run and a key of its own per request. A body sent a second time (the list ran out) is
     * declined as a used code and counted apart, never as an approval.
     *
     * @return approvals per second of both runs, when wrk ran
     */
    private Optional<WrkRate> saturationOverWrk(Report report) throws IOException, InterruptedException {
        if (!BeaconSightingLoad.wrkInstalled()) {
            report.append("saturation over wrk: skipped, wrk is not installed (it/install-wrk.sh)\n");
            return Optional.empty();
        }
        long now = OfflineCodes.currentStep();
        List<Phone> phones = new ArrayList<>();
        for (Phone phone = idlePhones.poll(); phone != null; phone = idlePhones.poll()) {
            phones.add(phone);
        }
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Phone phone : phones) {
                long step = Math.max(phone.nextStep, now - 1);
                if (step <= now + 1) {
                    phone.nextStep = step + 1;
                    lines.add((lines.size() % terminalTokens.size()) + "\t" + "{\"userId\":\"" + phone.userId
                            + "\",\"securityCode\":\"" + OfflineCodes.code(phone.secret, step) + "\",\"amount\":" + AMOUNT
                            + ",\"currency\":\"EUR\"}");
                }
            }
        }
        idlePhones.addAll(phones);
        int half = lines.size() / 2;
        double fullSpeed = overWrk(report, "saturation over wrk", lines.subList(0, half), 0);
        double paced = overWrk(report, "paced over wrk", lines.subList(half, lines.size()), thinkMillis);
        return Optional.of(new WrkRate(fullSpeed, paced));
    }

    /** One wrk run over {@code lines} (terminal index, tab, body); returns approvals per second. */
    private double overWrk(Report report, String phase, List<String> lines, int thinkMillis)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tillpoint-payments");
        try {
            Path bodies = Files.write(dir.resolve("bodies.tsv"), lines);
            Path tokens = Files.write(dir.resolve("tokens.txt"), terminalTokens);
            Path script = Files.writeString(dir.resolve("payments-" + thinkMillis + ".lua"), """
                    local bodies, auth = {}, {}
                    for line in io.lines("%s") do
                      local tab = line:find("\t")
                      bodies[#bodies + 1] = {tonumber(line:sub(1, tab - 1)) + 1, line:sub(tab + 1)}
                    end
                    for line in io.lines("%s") do auth[#auth + 1] = line end
                    local threads = {}
                    function setup(thread)
                      thread:set("id", #threads)
                      table.insert(threads, thread)
                    end
                    function init(args)
                      counter = 0
                      approved = 0
                      unexpected = 0
                    end
                    function request()
                      local index = (id + counter * 2) %% #bodies + 1
                      counter = counter + 1
                      local body = bodies[index]
                      return wrk.format("POST", "/api/v1/pos/payments", {["Content-Type"] = "application/json",
                          ["Authorization"] = auth[body[1]], ["Idempotency-Key"] = "wrk-%s-%d-" .. id .. "-" .. counter}, body[2])
                    end
                    function response(status, headers, body)
                      if status == 201 then approved = approved + 1 else unexpected = unexpected + 1 end
                    end
                    function done(summary, latency, requests)
                      local approvals, other = 0, 0
                      for _, thread in ipairs(threads) do
                        approvals = approvals + thread:get("approved")
                        other = other + thread:get("unexpected")
                      end
                      local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
                      io.write(string.format("RESULT requests %%d seconds %%.3f unexpected %%d socketErrors %%d p50 %%.3f p99 %%.3f max %%.3f\\n",
                          approvals + other, summary.duration / 1e6, other, errors,
                          latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
                    end
                    %s
                    """.formatted(bodies, tokens, runId, thinkMillis,
                    thinkMillis > 0 ? "function delay() return " + thinkMillis + " end" : ""));
            Optional<Long> cpuBefore = server.map(BeaconSightingLoad.ServerCpu::nanos);
            BeaconSightingLoad.WrkResult result = BeaconSightingLoad.wrk(script, measureSeconds, baseUrl);
            Optional<Long> cpu = server.map(process -> process.nanos() - cpuBefore.orElse(0L));
            long approvals = result.requests() - result.unexpected();
            double perSecond = approvals / result.seconds();
            report.append(String.format(Locale.ROOT, "%-22s closed loop, %d connections, %d ms think time: achieved %7.1f/s"
                            + " (approvals %d, other answers %d, socket errors %d, %d bodies prepared); wrk CPU %.0f us/request%s%n",
                    phase, connections, thinkMillis, perSecond, approvals, result.unexpected(), result.socketErrors(),
                    lines.size(), result.clientCpuMicros() / Math.max(1, result.requests()),
                    cpu.map(nanos -> String.format(Locale.ROOT, "; server CPU %.0f us/answer",
                            nanos / 1e3 / Math.max(1, result.requests()))).orElse("")));
            return perSecond;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    // ---------------------------------------------------------------- pgbench

    /** pgbench with the raw SQL of one payment, on tables of its own in the same database. */
    private double pgbench(int seconds) throws IOException, InterruptedException, SQLException {
        int rows = 10_000;
        String jdbc = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + pgDatabase;
        try (Connection connection = DriverManager.getConnection(jdbc, pgUser, System.getProperty("tillpoint.bench.pgPassword", ""));
             Statement sql = connection.createStatement()) {
            sql.execute("drop table if exists bench_entries, bench_payments, bench_accounts, bench_authorizations");
            sql.execute("create table bench_authorizations (id int primary key, spent bigint not null, last_step bigint not null)");
            sql.execute("create table bench_accounts (id int primary key, balance bigint not null check (balance >= 0))");
            sql.execute("create table bench_payments (id bigserial primary key, authorization_id int not null,"
                    + " amount bigint not null, created_at timestamptz not null default now())");
            sql.execute("create table bench_entries (id bigserial primary key, payment_id bigint not null,"
                    + " account_id int not null, amount bigint not null)");
            sql.execute("insert into bench_authorizations select g, 0, 0 from generate_series(1, " + rows + ") g");
            sql.execute("insert into bench_accounts select g, 1000000000 from generate_series(0, " + rows + ") g");
        }
        String script = String.join("\n",
                "\\set a random(1, " + rows + ")",
                "BEGIN;",
                "SELECT spent FROM bench_authorizations WHERE id = :a FOR UPDATE;",
                "UPDATE bench_authorizations SET spent = spent + 100, last_step = last_step + 1 WHERE id = :a;",
                "UPDATE bench_accounts SET balance = balance - 100 WHERE id = :a AND balance >= 100;",
                "INSERT INTO bench_payments (authorization_id, amount) VALUES (:a, 100);",
                "INSERT INTO bench_entries (payment_id, account_id, amount) VALUES (currval('bench_payments_id_seq'), :a, -100);",
                "INSERT INTO bench_entries (payment_id, account_id, amount) VALUES (currval('bench_payments_id_seq'), 0, 100);",
                "COMMIT;", "");
        return PgBench.tps(new PgBench.Target(pgHost, pgPort, pgDatabase), script, connections, seconds)
                .orElseThrow(() -> new IllegalStateException("pgbench could not run against " + pgDatabase));
    }

}
