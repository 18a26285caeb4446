package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: one server (standalone-full.xml, PostgreSQL) killed with SIGKILL under a load of
 * payments, refunds and feed interactions, then started again; every request left without an
 * answer is retried with its key; then every invariant of {@link MixedLoad#assertInvariants}.
 * The same start and kill machinery as the cluster's failover test ({@link ServerNodes}).
 */
@Order(901)
class ServerKillIT {

    private static ServerNodes server;

    @BeforeAll
    static void startServer() {
        server = ServerNodes.single();
        // Every helper's requests (set-up, tokens' callers) go to this entry point unless told otherwise.
        System.setProperty("tillpoint.it.baseUrl", server.entryUrl());
        server.startAll();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stopAll();
        }
    }

    @Test
    void aServerKilledMidLoadLosesNothing() {
        MixedLoad load = MixedLoad.prepare(server.entryUrl(), 4, 60, 5);
        load.start();
        load.awaitAnsweredPayments(40, Duration.ofSeconds(60)); // of a first burst of 180 (60 payers, 3 steps)
        long killedAt = load.elapsedMillis();
        server.kill("node1");
        System.out.println("server killed at " + killedAt + " ms into the load");
        server.start("node1");
        System.out.println("server serving again at " + load.elapsedMillis() + " ms");
        // Every payer that met the dead server is parked until its request is settled, so the load
        // stops here and the retries below are what goes through the restarted server.
        load.stop();
        load.retryUnanswered(Duration.ofSeconds(90));
        load.report(killedAt);
        assertTrue(load.approvedPayments() > 0, "the load approved payments");
        load.assertInvariants(Duration.ofSeconds(60));
    }
}
