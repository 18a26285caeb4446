package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.settlement.SettlementBatchView;
import dev.tillpoint.settlement.SettlementRun;
import dev.tillpoint.settlement.SettlementService;
import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The nightly run once per cut-off (issue 12): nodes claiming one cut-off at the same moment get
 * one claim between them (here parallel threads of one server, each its own transaction, meeting
 * on the database row as separate servers do); the run of a claimed cut-off does nothing, the next
 * night's runs.
 */
class SettlementCutOffIT extends InsideEarServices {

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(SettlementCutOffIT.class, InsideEarServices.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "SettlementRun")
    SettlementRun run;

    @EJB(lookup = EJB_MODULE + "SettlementService")
    SettlementService settlements;

    @Test
    void timeoutsOfOneCutOffRacingRunItOnce() throws Exception {
        // A cut-off of its own, long ago: nothing to settle, and no other test's cut-off.
        Instant cutOff = Instant.parse("1990-01-01T02:00:00Z").plus(ThreadLocalRandom.current().nextInt(1_000_000), ChronoUnit.MINUTES);
        int nodes = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        List<Future<Boolean>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                String node = "node" + i;
                claims.add(threads.submit(() -> {
                    start.await();
                    return settlements.claimCutOff(cutOff, node);
                }));
            }
            start.countDown();
            int claimed = 0;
            for (Future<Boolean> claim : claims) {
                claimed += claim.get() ? 1 : 0;
            }
            assertEquals(1, claimed, "one claim per cut-off");
        } finally {
            threads.shutdownNow();
        }
        assertTrue(run.settleCutOff(cutOff).isEmpty(), "the timeout of a claimed cut-off does nothing");
        Optional<List<SettlementBatchView>> nextNight = run.settleCutOff(cutOff.plus(1, ChronoUnit.DAYS));
        assertEquals(Optional.of(List.of()), nextNight, "the next night's cut-off runs (nothing was unsettled in 1990)");
    }
}
