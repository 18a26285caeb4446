package dev.tillpoint.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 16's payment benchmark ({@link PosPaymentLoad}) against the EAR deployed in the build's
 * WildFly on PostgreSQL. Prints figures, asserts no timing. README "Benchmarks" has the command.
 */
class PosPaymentBenchmark extends DeployedEar {

    @Test
    void approvalsDeclinesAndRefundsAtAFixedArrivalRateBesidePgbench() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("tillpoint.it.db")), "PostgreSQL only: pgbench needs it");
        new PosPaymentLoad().run(); // prints its figures as it goes
    }
}
