package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import dev.tillpoint.payments.codes.Totp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Payments, refunds and feed interactions from several threads against one base URL (a node, or
 * the load balancer), every request remembered with its key and its answer, so that a server
 * killed mid-load can be judged afterwards: requests left without an answer (a broken connection,
 * a 5xx) are retried with their keys until they get one, and then every invariant is checked
 * against what the clients were told. Used by the single-server kill test and the cluster failover
 * test alike.
 *
 * <p>Randomness (amounts, the order of feed interactions) comes from one seed, printed.
 */
final class MixedLoad {

    private static final long OPENING_BALANCE = 1_000_000;
    private static final String[] FEED_TYPES = {"LIKE", "SHARE"};
    /** Feed members interacting per post: with two types each, every post's interactions fit one item's 20. */
    private static final int FEED_MEMBERS = 4;

    private final String baseUrl;
    private final Random random;
    private final long seed;
    private final List<Pos> terminals = new ArrayList<>();
    private final List<PayerState> payers = new ArrayList<>();
    private final String feedViewer;
    private final List<String> feedMembers = new ArrayList<>();
    private final List<String> feedPosts = new ArrayList<>();

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Attempt> refundable = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService workers;

    /** What the server must end up with, from one request's point of view. */
    enum Kind { PAYMENT, REFUND, INTERACTION }

    /** One request, with the key and body it is retried with, and its final answer. */
    static final class Attempt {
        final Kind kind;
        final String path;
        final Api caller;
        final String key;
        final String body;
        final PayerState payer;
        final long amount;
        final long codeStep;
        final Attempt payment;
        volatile Answer answer;
        /** Whether its first try got no answer, so that the answer came from a retry. */
        volatile boolean retried;

        Attempt(Kind kind, String path, Api caller, String key, String body, PayerState payer, long amount, long codeStep, Attempt payment) {
            this.kind = kind;
            this.path = path;
            this.caller = caller;
            this.key = key;
            this.body = body;
            this.payer = payer;
            this.amount = amount;
            this.codeStep = codeStep;
            this.payment = payment;
        }

        Answer send() {
            Api api = key == null ? caller : caller.header("Idempotency-Key", key);
            return api.post(path, body);
        }

        boolean approved() {
            return answer != null && answer.status() == 201;
        }

        String id() {
            return answer.json().get("id").asText();
        }
    }

    /** A request that got no answer, or a 5xx: when, relative to the start of the load. */
    record Failure(Kind kind, long atMillis, String what) {
    }

    static final class PayerState {
        final Payer payer;
        final Pos pos;
        long lastStep = -1;
        /** A request of this payer is in doubt: no new one until it is settled, so that steps stay in order. */
        volatile boolean parked;

        PayerState(Payer payer, Pos pos) {
            this.payer = payer;
            this.pos = pos;
        }
    }

    private long startedAtMillis;

    private MixedLoad(String baseUrl, long seed) {
        this.baseUrl = baseUrl;
        this.seed = seed;
        this.random = new Random(seed);
        this.feedViewer = Bank.customer();
    }

    /**
     * Sets up, through {@code baseUrl}: one merchant with {@code threads} terminals, {@code payerCount}
     * authorized customers, a feed group of a viewer and four members and {@code postCount} posts of a
     * third account.
     */
    static MixedLoad prepare(String baseUrl, int threads, int payerCount, int postCount) {
        long seed = Long.getLong("tillpoint.it.loadSeed", System.nanoTime());
        System.out.println("MixedLoad seed " + seed + " (replay: -Dtillpoint.it.loadSeed=" + seed + ")");
        MixedLoad load = new MixedLoad(baseUrl, seed);
        Pos first = Pos.newMerchant();
        load.terminals.add(first);
        for (int i = 1; i < threads; i++) {
            load.terminals.add(first.sibling());
        }
        ExecutorService setup = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Payer>> created = new ArrayList<>();
            for (int i = 0; i < payerCount; i++) {
                created.add(setup.submit(() -> Payer.authorized(OPENING_BALANCE)));
            }
            for (int i = 0; i < payerCount; i++) {
                load.payers.add(new PayerState(created.get(i).get(), load.terminals.get(i % threads)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("set-up failed", e);
        } finally {
            setup.shutdownNow();
        }
        for (int i = 0; i < FEED_MEMBERS; i++) {
            load.feedMembers.add(Bank.customer());
        }
        String group = Feeds.group(load.feedViewer, load.feedMembers.toArray(String[]::new));
        for (String member : load.feedMembers) {
            Feeds.join(member, group);
        }
        String author = Bank.customer();
        for (int i = 0; i < postCount; i++) {
            load.feedPosts.add(Feeds.post(author));
        }
        return load;
    }

    /** Starts the threads: one per terminal paying, one refunding, one interacting. */
    void start() {
        running.set(true);
        startedAtMillis = System.currentTimeMillis();
        workers = Executors.newFixedThreadPool(terminals.size() + 2);
        for (Pos terminal : terminals) {
            List<PayerState> own = payers.stream().filter(p -> p.pos == terminal).toList();
            long payerSeed = random.nextLong();
            workers.submit(() -> pay(own, new Random(payerSeed)));
        }
        workers.submit(this::refund);
        List<String[]> interactions = new ArrayList<>();
        for (String post : feedPosts) {
            for (String member : feedMembers) {
                for (String type : FEED_TYPES) {
                    interactions.add(new String[] {member, post, type});
                }
            }
        }
        Collections.shuffle(interactions, random);
        workers.submit(() -> interact(interactions));
    }

    /**
     * Waits until {@code count} payments have their answer. The tests kill a server then rather than
     * after a fixed delay: each payer may pay the steps around now (three at first, then one per
     * 30 s), so on a quick machine the first burst was paid within seconds and a kill at 8 s met an
     * idle load. A count below that burst lands while payments are still being sent.
     */
    void awaitAnsweredPayments(long count, Duration within) {
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (answeredPayments() < count) {
            if (System.currentTimeMillis() > deadline) {
                fail("fewer than " + count + " payments answered within " + within);
            }
            pause(10);
        }
    }

    /** Payments that have their answer so far. */
    long answeredPayments() {
        return attempts.stream().filter(a -> a.kind == Kind.PAYMENT && a.answer != null).count();
    }

    /** Millis since the load started: the tests time their kill against it. */
    long elapsedMillis() {
        return System.currentTimeMillis() - startedAtMillis;
    }

    void stop() {
        running.set(false);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
                fail("load threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void pay(List<PayerState> own, Random amounts) {
        int next = 0;
        while (running.get()) {
            long now = Totp.stepAt(Instant.now());
            PayerState chosen = null;
            for (int i = 0; i < own.size() && chosen == null; i++) {
                PayerState candidate = own.get((next + i) % own.size());
                // Steps in order, within one step of now either side (the server accepts two).
                if (!candidate.parked && Math.max(candidate.lastStep + 1, now - 1) <= now + 1) {
                    chosen = candidate;
                    next = (next + i + 1) % own.size();
                }
            }
            if (chosen == null) {
                pause(100);
                continue;
            }
            long step = Math.max(chosen.lastStep + 1, now - 1);
            chosen.lastStep = step;
            long amount = 100 + amounts.nextInt(900);
            String body = Bodies.json(Pos.paymentBody(chosen.payer.customerId, chosen.payer.codeOfStep(step), amount, "EUR"));
            Attempt attempt = new Attempt(Kind.PAYMENT, Endpoint.POS_PAY.path(), chosen.pos.api().at(baseUrl),
                    Api.uniqueId("key"), body, chosen, amount, step, null);
            attempts.add(attempt);
            if (!sendOnce(attempt)) {
                chosen.parked = true;
            } else if (attempt.approved() && amounts.nextInt(4) == 0) {
                refundable.add(attempt);
            }
        }
    }

    private void refund() {
        while (running.get()) {
            Attempt payment;
            try {
                payment = refundable.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (payment == null) {
                continue;
            }
            Attempt attempt = new Attempt(Kind.REFUND, Endpoint.POS_REFUND.path(payment.id()),
                    payment.payer.pos.api().at(baseUrl), Api.uniqueId("rkey"),
                    Bodies.json("amount", payment.amount / 2), payment.payer, payment.amount / 2, -1, payment);
            attempts.add(attempt);
            sendOnce(attempt);
        }
    }

    private void interact(List<String[]> interactions) {
        // All of them are sent, also after the load stops: every interaction is part of the check.
        for (String[] interaction : interactions) {
            Attempt attempt = new Attempt(Kind.INTERACTION, Endpoint.INTERACT.path(interaction[1]),
                    Feeds.as(interaction[0]).at(baseUrl), null, Bodies.json("type", interaction[2]), null, 0, -1, null);
            attempts.add(attempt);
            sendOnce(attempt);
            if (running.get()) {
                pause(150);
            }
        }
    }

    /** One try; true when it got a definite answer, false when it is in doubt (recorded as a failure). */
    private boolean sendOnce(Attempt attempt) {
        try {
            Answer answer = attempt.send();
            if (answer.status() >= 500) {
                failures.add(new Failure(attempt.kind, elapsedMillis(), answer.status() + ""));
                return false;
            }
            attempt.answer = answer;
            return true;
        } catch (IllegalStateException e) {
            failures.add(new Failure(attempt.kind, elapsedMillis(), String.valueOf(e.getCause())));
            return false;
        }
    }

    /**
     * Retries every request without a definite answer, with its own key and body, until it gets one
     * (409 IDEMPOTENCY_IN_PROGRESS, a claim of a request the dead server never finished, is waited out).
     */
    void retryUnanswered(Duration within) {
        long deadline = System.currentTimeMillis() + within.toMillis();
        List<Attempt> open = attempts.stream().filter(a -> a.answer == null).toList();
        System.out.println("Retrying " + open.size() + " unanswered requests with their keys");
        for (Attempt attempt : open) {
            attempt.retried = true;
            while (attempt.answer == null) {
                if (System.currentTimeMillis() > deadline) {
                    fail("no answer within " + within + " for " + attempt.kind + " " + attempt.path + " key " + attempt.key);
                }
                try {
                    Answer answer = attempt.send();
                    boolean inProgress = answer.status() == 409 && answer.body().contains("IDEMPOTENCY_IN_PROGRESS");
                    if (answer.status() < 500 && !inProgress) {
                        attempt.answer = answer;
                        break;
                    }
                } catch (IllegalStateException e) {
                    // still no server behind the URL: wait and try again
                }
                pause(500);
            }
        }
    }

    /**
     * Every invariant, against what the clients were told: each approved payment is there with its
     * refunds; each balance is the opening one less approvals plus refunds; the history holds exactly
     * the approved payments (nothing approved unseen); no code step paid twice; the trial balance
     * balances; every interaction reaches the feed and every payment event the customer's
     * notifications (within {@code deliveryBound}).
     */
    void assertInvariants(Duration deliveryBound) {
        Map<String, Integer> statuses = new HashMap<>();
        for (Attempt attempt : attempts) {
            assertTrue(attempt.answer != null, () -> "unanswered: " + attempt.kind + " " + attempt.key);
            statuses.merge(attempt.kind + " " + attempt.answer.status(), 1, Integer::sum);
        }
        System.out.println("Answers by kind and status: " + statuses);
        for (Attempt attempt : attempts) {
            int status = attempt.answer.status();
            switch (attempt.kind) {
                // A payment answered at once is approved (each payer's steps are fresh and in order);
                // one retried after the server was away may find its code gone stale meanwhile.
                case PAYMENT -> {
                    if (attempt.retried && status == 402) {
                        Expect.problem(attempt.answer, 402, "CODE_INVALID");
                    } else {
                        assertEquals(201, status, () -> "payment " + attempt.key + ": " + attempt.answer);
                    }
                }
                case REFUND -> assertEquals(201, status, () -> "refund " + attempt.key + ": " + attempt.answer);
                case INTERACTION -> assertEquals(202, status, () -> "interaction " + attempt.path + ": " + attempt.answer);
            }
        }
        for (PayerState state : payers) {
            List<Attempt> approved = attempts.stream().filter(a -> a.payer == state && a.kind == Kind.PAYMENT && a.approved()).toList();
            List<Attempt> refunds = attempts.stream().filter(a -> a.payer == state && a.kind == Kind.REFUND && a.approved()).toList();
            long paid = approved.stream().mapToLong(a -> a.amount).sum();
            long refunded = refunds.stream().mapToLong(a -> a.amount).sum();
            assertEquals(OPENING_BALANCE - paid + refunded, state.payer.balance(),
                    () -> state.payer.customerId + ": balance = opening - approved + refunded");
            Set<Long> steps = new HashSet<>();
            for (Attempt payment : approved) {
                assertTrue(steps.add(payment.codeStep), () -> "step " + payment.codeStep + " approved twice for " + state.payer.customerId);
                JsonNode stored = Expect.ok(state.pos.api().at(baseUrl).get(Endpoint.POS_PAYMENT.path(payment.id())));
                assertEquals("APPROVED", stored.get("status").asText(), stored::toString);
                assertEquals(payment.amount, stored.get("amount").asLong(), stored::toString);
                long refundedOfIt = refunds.stream().filter(r -> r.payment == payment).mapToLong(r -> r.amount).sum();
                assertEquals(refundedOfIt, stored.get("refundedAmount").asLong(), stored::toString);
            }
            Set<String> inHistory = new HashSet<>();
            for (JsonNode item : Expect.ok(state.payer.api().at(baseUrl).get(Endpoint.MY_PAYMENTS.path())).path("items")) {
                if ("PAYMENT".equals(item.path("type").asText())) {
                    inHistory.add(item.path("id").asText());
                }
            }
            assertEquals(approved.stream().map(Attempt::id).collect(java.util.stream.Collectors.toSet()), inHistory,
                    () -> state.payer.customerId + ": the history holds exactly the approved payments");
        }
        JsonNode trialBalance = Expect.ok(Api.admin().at(baseUrl).get(Endpoint.TRIAL_BALANCE.path()));
        assertTrue(trialBalance.path("balanced").asBoolean(), trialBalance::toString);
        for (JsonNode line : trialBalance.path("currencies")) {
            assertEquals(line.get("debits").asLong(), line.get("credits").asLong(), trialBalance::toString);
        }
        assertNoCodeStepPaidTwice();
        awaitFeed(deliveryBound);
        awaitNotifications(deliveryBound);
    }

    /** The database's own view, beside the answers: one payment per authorization and step. */
    private static void assertNoCodeStepPaidTwice() {
        try (Connection connection = DriverManager.getConnection(System.getProperty("tillpoint.it.pg.url"),
                System.getProperty("tillpoint.it.pg.user", "postgres"), "");
             Statement statement = connection.createStatement();
             ResultSet twice = statement.executeQuery("select authorization_id, code_step from payments"
                     + " group by authorization_id, code_step having count(*) > 1")) {
            assertTrue(!twice.next(), "a code step paid twice");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query the test database", e);
        }
    }

    private void awaitFeed(Duration bound) {
        Map<String, Set<String>> expected = new HashMap<>();
        for (String post : feedPosts) {
            Set<String> wanted = new HashSet<>();
            for (String member : feedMembers) {
                for (String type : FEED_TYPES) {
                    wanted.add(member + " " + type);
                }
            }
            expected.put(post, wanted);
        }
        await(bound, "every interaction in the viewer's feed", () -> {
            List<JsonNode> feed = Feeds.wholeFeed(feedViewer, 50);
            for (Map.Entry<String, Set<String>> post : expected.entrySet()) {
                JsonNode item = Feeds.itemOf(feed, post.getKey());
                if (item == null) {
                    return "post " + post.getKey() + " not in the feed";
                }
                Set<String> seen = new HashSet<>();
                item.path("interactions").forEach(i -> seen.add(i.path("userId").asText() + " " + i.path("type").asText()));
                if (!seen.equals(post.getValue())) {
                    return "post " + post.getKey() + " shows " + seen + ", expected " + post.getValue();
                }
            }
            return null;
        });
    }

    private void awaitNotifications(Duration bound) {
        await(bound, "every payment event in the customers' notifications", () -> {
            for (PayerState state : payers) {
                Set<String> expected = new HashSet<>();
                for (Attempt attempt : attempts) {
                    if (attempt.payer == state && attempt.approved()) {
                        expected.add(attempt.kind == Kind.PAYMENT
                                ? "PAYMENT_APPROVED " + attempt.id() + " " + attempt.amount
                                : "PAYMENT_REFUNDED " + attempt.payment.id() + " " + attempt.amount);
                    }
                }
                Set<String> seen = new HashSet<>();
                JsonNode list = Expect.ok(state.payer.api().at(baseUrl).get(Endpoint.MY_NOTIFICATIONS.path() + "?limit=200"));
                list.path("items").forEach(n -> seen.add(n.path("type").asText() + " " + n.path("paymentId").asText()
                        + " " + n.path("amount").asLong()));
                if (!seen.equals(expected)) {
                    return state.payer.customerId + " has " + seen + ", expected " + expected;
                }
            }
            return null;
        });
    }

    /** Polls {@code check} (null: satisfied, else what is missing) until it holds or {@code bound} passes. */
    private static void await(Duration bound, String what, Supplier<String> check) {
        long deadline = System.currentTimeMillis() + bound.toMillis();
        String missing;
        do {
            missing = check.get();
            if (missing == null) {
                return;
            }
            pause(500);
        } while (System.currentTimeMillis() < deadline);
        fail("after " + bound.toSeconds() + " s, not " + what + ": " + missing);
    }

    /** Prints the figures of the run and returns how long, from {@code killedAtMillis}, payments kept failing. */
    long report(long killedAtMillis) {
        long payments = attempts.stream().filter(a -> a.kind == Kind.PAYMENT).count();
        long approved = attempts.stream().filter(a -> a.kind == Kind.PAYMENT && a.approved()).count();
        long refunds = attempts.stream().filter(a -> a.kind == Kind.REFUND && a.approved()).count();
        long interactions = attempts.stream().filter(a -> a.kind == Kind.INTERACTION).count();
        List<Failure> paymentFailures = failures.stream().filter(f -> f.kind() == Kind.PAYMENT).toList();
        long lastFailure = paymentFailures.stream().mapToLong(Failure::atMillis).max().orElse(killedAtMillis);
        long window = Math.max(0, lastFailure - killedAtMillis);
        System.out.printf("Load: %d payments (%d approved), %d refunds, %d interactions; %d requests without an answer"
                        + " (%d payments); payments failed for %d ms after the kill (seed %d)%n",
                payments, approved, refunds, interactions, failures.size(), paymentFailures.size(), window, seed);
        failures.forEach(f -> System.out.println("  no answer: " + f));
        return window;
    }

    long approvedPayments() {
        return attempts.stream().filter(a -> a.kind == Kind.PAYMENT && a.approved()).count();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
