package dev.tillpoint.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The same benchmark ({@link PosPaymentLoad}) against a server that is already running, one node
 * or a load balancer in front of several: {@code -Dtillpoint.bench.baseUrl=http://host:port} and the
 * PostgreSQL database they share for pgbench ({@code -Dtillpoint.bench.pgDatabase}, and
 * {@code pgHost}, {@code pgPort}, {@code pgUser}). No Arquillian: nothing is started or deployed.
 * The server must trust the dev JWT key of this checkout ({@code wildfly-config/dev}).
 */
class PosPaymentRemoteBenchmark {

    @Test
    void approvalsDeclinesAndRefundsAtAFixedArrivalRateBesidePgbench() throws Exception {
        String baseUrl = System.getProperty("tillpoint.bench.baseUrl", "");
        assumeTrue(!baseUrl.isEmpty(), "set -Dtillpoint.bench.baseUrl to the running server");
        // The build runs the integration tests once per database; against a remote server once is enough.
        assumeTrue(!"h2".equals(System.getProperty("tillpoint.it.db")), "runs in the PostgreSQL pass only");
        System.setProperty("tillpoint.it.baseUrl", baseUrl); // the set-up calls go there too
        new PosPaymentLoad().run(); // prints its figures as it goes
    }
}
