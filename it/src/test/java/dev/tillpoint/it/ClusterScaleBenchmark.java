package dev.tillpoint.it;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: the payment benchmark ({@link PosPaymentLoad}: open-model load, pgbench's
 * raw-SQL payment on the same database in the same run, the ratio) against one node of the cluster
 * profile, then against two nodes behind HAProxy. On one 2-core machine the second node adds no
 * CPU: the figures show what the cluster costs, which is what a bank sizing its hosts needs. Prints
 * figures, asserts no timing. Run by {@code cluster/benchmark.sh}.
 */
class ClusterScaleBenchmark {

    @Test
    void oneNodeThenTwoBehindTheLoadBalancer() throws Exception {
        ServerNodes cluster = ServerNodes.cluster();
        try {
            cluster.start("node1");
            String one = measured("1 node, direct", cluster.nodeUrl("node1"));
            cluster.startAll(); // node1 is up already: node2 and the load balancer
            String two = measured("2 nodes behind HAProxy", cluster.entryUrl());
            System.out.println("ClusterScaleBenchmark, 1 node, direct:\n" + one);
            System.out.println("ClusterScaleBenchmark, 2 nodes behind HAProxy:\n" + two);
        } finally {
            cluster.stopAll();
        }
    }

    /** One whole run of the payment benchmark against {@code baseUrl}, set-up calls included. */
    private static String measured(String label, String baseUrl) throws Exception {
        System.out.println("ClusterScaleBenchmark: " + label);
        System.setProperty("tillpoint.it.baseUrl", baseUrl);
        System.setProperty("tillpoint.bench.baseUrl", baseUrl);
        return new PosPaymentLoad().run();
    }
}
