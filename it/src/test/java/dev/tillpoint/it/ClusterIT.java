package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12: the EAR on a two-node WildFly cluster (cluster/start.sh: the HA profile, JGroups over
 * TCP, Artemis clustered, HAProxy in front), black-box over HTTP. The same rules hold whichever node
 * a request reaches, a change made through one node is seen through the other within
 * {@link #VISIBILITY_BOUND}, and a node killed under load loses nothing.
 *
 * <p>Run by failsafe's {@code cluster} execution (README, "Running a cluster"), which starts from
 * a new database; the cluster is started here and stopped at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(900)
class ClusterIT {

    /**
     * How soon a change through one node is seen through the other. The caches and in-memory
     * indexes refresh from the database within 2 s; the rest is slack for a busy 2-core machine.
     */
    static final Duration VISIBILITY_BOUND = Duration.ofSeconds(5);

    private static ServerNodes cluster;
    private static String node1;
    private static String node2;

    @BeforeAll
    static void startCluster() {
        cluster = ServerNodes.cluster();
        // Every helper's requests (set-up, tokens' callers) go to this entry point unless told otherwise.
        System.setProperty("tillpoint.it.baseUrl", cluster.entryUrl());
        cluster.startAll();
        node1 = cluster.nodeUrl("node1");
        node2 = cluster.nodeUrl("node2");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stopAll();
        }
    }

    @Test
    @Order(1)
    void oneCodeRacedOnBothNodesIsApprovedOnce() throws Exception {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String code = payer.code();
        int perNode = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2 * perNode);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * perNode; i++) {
                String node = i % 2 == 0 ? node1 : node2;
                answers.add(threads.submit(() -> {
                    start.await();
                    return pos.api().at(node).header("Idempotency-Key", Api.uniqueId("key"))
                            .post(Endpoint.POS_PAY.path(), Bodies.json(Pos.paymentBody(payer.customerId, code, 700, "EUR")));
                }));
            }
            start.countDown();
            int approved = 0;
            for (Future<Answer> answer : answers) {
                Answer got = answer.get();
                if (got.status() == 201) {
                    approved++;
                } else {
                    Expect.problem(got, 402, "CODE_REUSED");
                }
            }
            assertEquals(1, approved, "one code, raced on both nodes: exactly one approval");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(10_000 - 700, payer.balance());
    }

    @Test
    @Order(2)
    void aKeyRetriedOnTheOtherNodeGetsTheFirstAnswer() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        Map<String, Object> body = Pos.paymentBody(payer.customerId, payer.code(), 1_250, "EUR");
        Answer first = pos.api().at(node1).header("Idempotency-Key", key).post(Endpoint.POS_PAY.path(), Bodies.json(body));
        JsonNode approved = Expect.created(first);
        Answer retried = pos.api().at(node2).header("Idempotency-Key", key).post(Endpoint.POS_PAY.path(), Bodies.json(body));
        assertEquals(approved, Expect.created(retried), "the retry on node 2 replays node 1's answer");
        Expect.problem(pos.api().at(node2).header("Idempotency-Key", key).post(Endpoint.POS_PAY.path(),
                Bodies.json(Bodies.with(body, "amount", 1_251))), 409, "IDEMPOTENCY_CONFLICT");
        assertEquals(10_000 - 1_250, payer.balance());
    }

    @Test
    @Order(3)
    void aTerminalDeactivatedThroughOneNodeIsRefusedOnTheOther() {
        Pos pos = Pos.newMerchant();
        Expect.ok(Bank.atPos(pos.terminalId)); // through the load balancer: both nodes may have it cached
        Expect.ok(Api.as(pos.terminalId, "pos").at(node2).get(Endpoint.MY_TERMINAL.path()));
        Expect.noContent(Bank.deactivateAt(node1, pos.merchantId, pos.terminalId));
        within(VISIBILITY_BOUND, "node 2 refuses the terminal deactivated through node 1", () -> {
            Answer answer = Api.as(pos.terminalId, "pos").at(node2).get(Endpoint.MY_TERMINAL.path());
            return answer.status() == 403 ? null : answer.toString();
        });
    }

    @Test
    @Order(4)
    void aBeaconRegisteredAndTriggeredThroughOneNodeResolvesOnTheOther() {
        String customer = Bank.customer();
        String beacon = Beacons.newId();
        Expect.created(Api.admin().at(node1).post(Endpoint.REGISTER_BEACON.path(), Bodies.json(Beacons.body(beacon))));
        Expect.json(Api.admin().at(node1).post(Endpoint.TRIGGER_BEACON.path(beacon), Bodies.json("durationSeconds", 600)), 202);
        within(VISIBILITY_BOUND, "node 2 resolves the beacon registered and triggered through node 1", () -> {
            Answer answer = Api.as(customer, "customer").at(node2).post(Endpoint.BEACON_SIGHTING.path(),
                    Bodies.json("beaconId", beacon, "rssi", -60));
            return answer.status() == 200 && answer.json().path("page").path("url").asText().endsWith(beacon) ? null : answer.toString();
        });

        String identityKey = Beacons.newIdentityKey();
        String eidBeacon = Beacons.newId();
        Expect.created(Api.admin().at(node1).post(Endpoint.REGISTER_BEACON.path(),
                Bodies.json(Bodies.with(Beacons.body(eidBeacon), "eid", Beacons.eid(identityKey, 10, 0L)))));
        Expect.json(Api.admin().at(node1).post(Endpoint.TRIGGER_BEACON.path(eidBeacon), Bodies.json("durationSeconds", 600)), 202);
        String eid = Beacons.eidAt(identityKey, 10, 0);
        within(VISIBILITY_BOUND, "node 2 resolves the EID of the beacon registered through node 1", () -> {
            Answer answer = Api.as(customer, "customer").at(node2).post(Endpoint.BEACON_SIGHTING.path(),
                    Bodies.json("eid", eid, "rssi", -60));
            return answer.status() == 200 && answer.json().path("page").path("url").asText().endsWith(eidBeacon) ? null : answer.toString();
        });
    }

    @Test
    @Order(5)
    void aFeedPolicyChangedThroughOneNodeAppliesOnTheOther() {
        String viewer = Bank.customer();
        String member = Bank.customer();
        String group = Feeds.group(viewer, member);
        Feeds.join(member, group);
        String post = Feeds.post(Bank.customer());
        Feeds.like(member, post);
        try {
            // One member's like (score 1) is below the default policy (two members, score 2) ...
            Feeds.assertAbsentFor(viewer, post, 1_000);
            // ... and enough once the policy asks for one member and score 1, changed through node 1.
            Expect.ok(Api.admin().at(node1).put(Endpoint.REPLACE_FEED_POLICY.path(), Bodies.json(Feeds.policy(1, 72, 1, 2, 3, 1))));
            within(VISIBILITY_BOUND, "node 2 applies the policy changed through node 1", () -> {
                JsonNode feed = Expect.ok(Feeds.as(viewer).at(node2).get(Endpoint.MY_FEED.path() + "?limit=50"));
                for (JsonNode item : feed.path("items")) {
                    if (post.equals(item.path("post").path("id").asText())) {
                        return null;
                    }
                }
                return feed.toString();
            });
        } finally {
            Expect.ok(Api.admin().at(node1).put(Endpoint.REPLACE_FEED_POLICY.path(), Bodies.json(Feeds.DEFAULT_POLICY)));
        }
    }

    @Test
    @Order(6)
    void aCursorIssuedByOneNodeIsHonouredByTheOther() {
        String merchant = Bank.merchant();
        String first = Bank.terminal(merchant);
        String second = Bank.terminal(merchant);
        JsonNode page1 = Expect.ok(Api.as(merchant, "merchant").at(node1).get(Endpoint.MERCHANT_TERMINALS.pagePath("1", null)));
        assertEquals(List.of(first), Bank.itemIds(page1));
        JsonNode page2 = Expect.ok(Api.as(merchant, "merchant").at(node2)
                .get(Endpoint.MERCHANT_TERMINALS.pagePath("1", page1.get("nextCursor").asText())));
        assertEquals(List.of(second), Bank.itemIds(page2));
    }

    /**
     * Issue 12, item 3: payments, refunds and feed interactions from several threads through the
     * load balancer; node 2 killed with SIGKILL mid-load, then restarted; unanswered requests
     * retried with their keys through the load balancer; then every invariant.
     */
    @Test
    @Order(100)
    void aNodeKilledMidLoadLosesNothing() {
        MixedLoad load = MixedLoad.prepare(cluster.entryUrl(), 6, 120, 10);
        load.start();
        load.awaitAnsweredPayments(80, Duration.ofSeconds(60)); // of a first burst of 360 (120 payers, 3 steps)
        long killedAt = load.elapsedMillis();
        cluster.kill("node2");
        System.out.println("node2 killed at " + killedAt + " ms into the load");
        // Node 2 stays down while the surviving node answers more of the load.
        load.awaitAnsweredPayments(load.answeredPayments() + 40, Duration.ofSeconds(90));
        long restartAt = load.elapsedMillis();
        cluster.start("node2");
        System.out.println("node2 restarted at " + restartAt + " ms, serving again at " + load.elapsedMillis() + " ms");
        // Payments flowing through both nodes again, then the load stops.
        load.awaitAnsweredPayments(load.answeredPayments() + 40, Duration.ofSeconds(90));
        load.stop();
        load.retryUnanswered(Duration.ofSeconds(90));
        long failedForMillis = load.report(killedAt);
        System.out.println("Failover: payments failed for " + failedForMillis + " ms after node2 was killed");
        assertTrue(load.approvedPayments() > 0, "the load approved payments");
        load.assertInvariants(Duration.ofSeconds(60));
    }

    /** Polls {@code check} (null: holds, else what was seen) every 100 ms until it holds; fails after {@code bound}. */
    static void within(Duration bound, String what, Supplier<String> check) {
        long started = System.currentTimeMillis();
        String seen;
        do {
            seen = check.get();
            if (seen == null) {
                System.out.println(what + ": after " + (System.currentTimeMillis() - started) + " ms");
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.currentTimeMillis() - started < bound.toMillis());
        fail("not within " + bound.toSeconds() + " s: " + what + "; last answer " + seen);
    }
}
