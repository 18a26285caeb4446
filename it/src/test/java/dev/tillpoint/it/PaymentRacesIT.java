package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Offline payments", under concurrency, over HTTP against the deployed EAR: one code
 * raced from many terminals pays once; many payments on one account never overdraw it nor lose
 * an update; one key raced pays once.
 */
class PaymentRacesIT extends DeployedEar {

    private static final int THREADS = 16;

    @Test
    void sixteenThreadsRacingOneCodeGetExactlyOneApproval() throws Exception {
        Payer payer = Payer.authorized(100_000);
        Pos pos = Pos.newMerchant();
        List<Pos> terminals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            terminals.add(i == 0 ? pos : pos.sibling());
        }
        String code = payer.code();
        List<Answer> answers = race(i -> () -> terminals.get(i % terminals.size()).pay(payer, code, 1_000));
        long approved = answers.stream().filter(answer -> answer.status() == 201).count();
        assertEquals(1, approved, answers::toString);
        answers.stream().filter(answer -> answer.status() != 201)
                .forEach(answer -> Expect.problem(answer, 402, "CODE_REUSED"));
        assertEquals(99_000, payer.balance());
        assertEquals(199_000, payer.authorizationNow().path("remainingLimit").asLong());
    }

    @Test
    void parallelPaymentsOnOneAccountNeverOverdrawIt() throws Exception {
        Payer payer = Payer.withBalance(5_000, "EUR");
        List<Payer> phones = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Payer phone = payer.onAnotherDevice();
            phone.authorize(Bodies.map());
            phones.add(phone);
        }
        Pos pos = Pos.newMerchant();
        List<Pos> terminals = new ArrayList<>(List.of(pos, pos.sibling(), pos.sibling(), pos.sibling()));
        List<Answer> answers = race(i -> () -> terminals.get(i % terminals.size()).pay(phones.get(i), phones.get(i).code(), 1_000));
        long approved = answers.stream().filter(answer -> answer.status() == 201).count();
        assertEquals(5, approved, answers::toString);
        answers.stream().filter(answer -> answer.status() != 201)
                .forEach(answer -> Expect.problem(answer, 402, "INSUFFICIENT_FUNDS"));
        assertEquals(0, payer.balance());
        JsonNode trialBalance = Bank.trialBalance();
        assertTrue(trialBalance.path("balanced").asBoolean(), trialBalance::toString);
    }

    @Test
    void oneKeyRacedFromOneTerminalPaysOnce() throws Exception {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String key = Api.uniqueId("key");
        Map<String, Object> body = Pos.paymentBody(payer.customerId, payer.code(), 1_000, "EUR");
        List<Answer> answers = race(i -> () -> pos.pay(key, body));
        Set<String> ids = new HashSet<>();
        for (Answer answer : answers) {
            if (answer.status() == 201) {
                ids.add(answer.json().get("id").asText());
            } else {
                Expect.problem(answer, 409, "IDEMPOTENCY_IN_PROGRESS");
            }
        }
        assertEquals(1, ids.size(), answers::toString);
        assertEquals(9_000, payer.balance());
        assertEquals(ids.iterator().next(), Expect.created(pos.pay(key, body)).get("id").asText());
    }

    @Test
    void fortyWrongCodesForOneUserFromTwentyThreadsGetExactlyTheLimit() throws Exception {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String wrong = payer.wrongCode();
        List<Answer> answers = race(20, 40, i -> () -> pos.pay(payer, wrong, 100));
        long invalid = answers.stream().filter(answer -> answer.status() == 402).count();
        assertEquals(5, invalid, answers::toString);
        answers.stream().filter(answer -> answer.status() != 402).forEach(answer -> Expect.problem(answer, 423, "LOCKED"));
        Expect.problem(pos.pay(payer, payer.code(), 100), 423, "LOCKED");
        Expect.created(pos.sibling().pay(payer, payer.code(), 100));
    }

    @Test
    void oneCodeRacedOverTheLimitCollectsExactlyThreeDeclines() throws Exception {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        String code = payer.code();
        List<Answer> answers = race(i -> () -> pos.sibling().pay(payer, code, 60_000));
        long declined = answers.stream().filter(answer -> answer.status() == 402
                && "LIMIT_EXCEEDED".equals(answer.json().path("code").asText())).count();
        assertEquals(3, declined, answers::toString);
        answers.stream().filter(answer -> !"LIMIT_EXCEEDED".equals(answer.json().path("code").asText()))
                .forEach(answer -> Expect.problem(answer, 402, "CODE_REUSED"));
        assertEquals(10_000, payer.balance());
    }

    /** Runs {@code THREADS} calls released together; their answers in order. */
    private static List<Answer> race(IntFunction<Callable<Answer>> call) throws Exception {
        return race(THREADS, THREADS, call);
    }

    /** Runs {@code calls} calls on {@code threads} threads, released together; their answers in order. */
    private static List<Answer> race(int threads, int calls, IntFunction<Callable<Answer>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Callable<Answer> work = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
