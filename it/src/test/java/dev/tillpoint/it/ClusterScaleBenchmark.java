package dev.tillpoint.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: POS payments per second against one node of the cluster profile, then against
 * two nodes behind HAProxy, each beside pgbench running the raw SQL of a payment on the same
 * database in the same run, with the ratio. On one 2-core machine the second node adds no CPU: the
 * figures show what the cluster costs, which is what a bank sizing its hosts needs. Prints figures,
 * asserts no timing. Run by {@code cluster/benchmark.sh}.
 */
class ClusterScaleBenchmark {

    private static final int TERMINALS = 8;
    private static final int PAYERS = 160;

    @Test
    void oneNodeThenTwoBehindTheLoadBalancer() {
        ServerNodes cluster = ServerNodes.cluster();
        System.setProperty("tillpoint.it.baseUrl", cluster.nodeUrl("node1"));
        try {
            cluster.start("node1");
            paymentsPerSecond(cluster.nodeUrl("node1")); // warm-up
            String one = measured("1 node, direct", cluster.nodeUrl("node1"));
            cluster.startAll(); // node1 is up already: node2 and the load balancer
            System.setProperty("tillpoint.it.baseUrl", cluster.entryUrl());
            paymentsPerSecond(cluster.entryUrl()); // warm-up of node2
            String two = measured("2 nodes behind HAProxy", cluster.entryUrl());
            System.out.println("ClusterScaleBenchmark: " + one);
            System.out.println("ClusterScaleBenchmark: " + two);
        } finally {
            cluster.stopAll();
        }
    }

    private static String measured(String label, String baseUrl) {
        double payments = paymentsPerSecond(baseUrl);
        double pgbench = pgbenchPaymentsPerSecond();
        return String.format(Locale.ROOT, "%s: %.0f approved payments/s, pgbench raw-SQL payment %.0f tps, ratio %.2f",
                label, payments, pgbench, payments / pgbench);
    }

    /**
     * The load, in one place so that it can give way to the project's payment benchmark run against
     * a base URL: {@link #TERMINALS} tills of one merchant, each paying for its own payers one request
     * at a time (closed model), five codes per payer (steps -2..+2 of the skew window).
     *
     * @return approved payments per second
     */
    static double paymentsPerSecond(String baseUrl) {
        Pos pos = Pos.newMerchant();
        List<Pos> terminals = new ArrayList<>(List.of(pos));
        while (terminals.size() < TERMINALS) {
            terminals.add(pos.sibling());
        }
        List<Payer> payers = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            payers.add(Payer.authorized(1_000_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(TERMINALS);
        AtomicInteger approved = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < TERMINALS; t++) {
                Pos terminal = terminals.get(t);
                int first = t;
                runs.add(pool.submit(() -> {
                    for (int p = first; p < PAYERS; p += TERMINALS) {
                        Payer payer = payers.get(p);
                        for (int step = -2; step <= 2; step++) {
                            int status = terminal.api().at(baseUrl).header("Idempotency-Key", Api.uniqueId("key"))
                                    .post(Endpoint.POS_PAY.path(), Bodies.json(Pos.paymentBody(payer.customerId, payer.codeAt(step), 100, "EUR")))
                                    .status();
                            (status == 201 ? approved : other).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %s: %d approved, %d other in %.2f s%n", baseUrl, approved.get(), other.get(), seconds);
        return approved.get() / seconds;
    }

    /** pgbench, 8 clients for 10 s, the raw-SQL payment on the benchmark's own database. */
    private static double pgbenchPaymentsPerSecond() {
        URI url = URI.create(System.getProperty("tillpoint.it.pg.url").substring("jdbc:".length()));
        String database = url.getPath().substring(1);
        String host = url.getHost();
        String port = String.valueOf(url.getPort() < 0 ? 5432 : url.getPort());
        String user = System.getProperty("tillpoint.it.pg.user", "postgres");
        try {
            Path dir = Files.createTempDirectory("pgbench");
            Path schema = copy("/pgbench/payment-schema.sql", dir);
            Path script = copy("/pgbench/payment.sql", dir);
            run(List.of("psql", "-q", "-h", host, "-p", port, "-U", user, "-d", database, "-f", schema.toString()));
            String output = run(List.of("pgbench", "-n", "-c", "8", "-j", "2", "-T", "10", "-h", host, "-p", port, "-U", user,
                    "-f", script.toString(), database));
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("no tps in pgbench's output: " + output);
            }
            return Double.parseDouble(tps.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("pgbench failed", e);
        }
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        try (var in = ClusterScaleBenchmark.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> output.append(line).append('\n'));
        }
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output.toString();
    }
}
