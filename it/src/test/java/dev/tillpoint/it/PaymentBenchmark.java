package dev.tillpoint.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Throughput of POS payments over HTTP when many terminals of one merchant pay at once: the case
 * the per-terminal clearing accounts are for (no hot merchant row). Prints figures, asserts no
 * timing. Run with {@code mvn verify -Pbenchmarks -Dit.test=PaymentBenchmark} plus the port flags.
 */
class PaymentBenchmark extends DeployedEar {

    private static final int TERMINALS = 8;
    private static final int PAYERS = 80;
    /** Steps -2..+2 of the skew window: five payments per authorization in one 30 s step. */
    private static final int PAYMENTS_PER_PAYER = 5;

    @Test
    void manyTerminalsOfOneMerchantPayingAtOnce() throws Exception {
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
                    // Each terminal serves its own payers, one request at a time, as a till does.
                    for (int p = first; p < PAYERS; p += TERMINALS) {
                        Payer payer = payers.get(p);
                        for (int step = -2; step <= 2; step++) {
                            int status = terminal.pay(payer, payer.codeAt(step), 100).status();
                            (status == 201 ? approved : other).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("PaymentBenchmark [%s]: %d terminals of one merchant, %d payments (%d approved, %d other)"
                        + " in %.2f s = %.0f payments/s%n", System.getProperty("tillpoint.it.db"), TERMINALS,
                PAYERS * PAYMENTS_PER_PAYER, approved.get(), other.get(), seconds, (approved.get() + other.get()) / seconds);
    }
}
