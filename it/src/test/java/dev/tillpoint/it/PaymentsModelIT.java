package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of random operations (authorize, pay, pay with a bad or a used code, pay in the wrong
 * currency, retry, refund, reverse, settle) against the server and, side by side, against a small
 * reference model of DESIGN.md's payment rules written here from the contract alone. After every
 * step the customers' balances, every authorization's status and remaining limit, and the trial
 * balance must agree with the model; each settlement batch must be the one the model predicts.
 *
 * <p>The seed is printed and can be replayed with {@code -Dtillpoint.it.modelSeed=...}; the number
 * of operations is {@code -Dtillpoint.it.modelOperations} (default 300).
 */
class PaymentsModelIT extends DeployedEar {

    private static final long SEED = Long.getLong("tillpoint.it.modelSeed", System.nanoTime());
    private static final int OPERATIONS = Integer.getInteger("tillpoint.it.modelOperations", 300);
    /** Fewer wrong codes per user and terminal than lock the pair (five), and per user than lock the user (twenty). */
    private static final int BAD_CODES_PER_PAIR = 3;
    private static final int BAD_CODES_PER_USER = 12;
    /** Below the terminal-wide lock of DESIGN.md (fifty wrong codes of any users). */
    private static final int BAD_CODES_PER_TERMINAL = 40;
    /** DESIGN.md: a code step collects at most three of these declines, then answers CODE_REUSED. */
    private static final int MAX_STEP_DECLINES = 3;
    private static final Set<String> STEP_DECLINES = Set.of("CURRENCY_MISMATCH", "LIMIT_EXCEEDED", "INSUFFICIENT_FUNDS");

    private final Random random = new Random(SEED);
    private final List<Customer> customers = new ArrayList<>();
    private final List<Terminal> terminals = new ArrayList<>();
    private final Set<String> merchants = new java.util.HashSet<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final List<SentPayment> sent = new ArrayList<>();
    private final Map<String, Integer> badCodes = new HashMap<>();
    private int keys;

    /** A customer with one EUR account and the authorizations of their devices. */
    private static final class Customer {
        final String id;
        final String card;
        long balance;
        final Map<String, Authorization> authorizations = new LinkedHashMap<>();

        Customer(String id, String card, long balance) {
            this.id = id;
            this.card = card;
            this.balance = balance;
        }
    }

    private static final class Authorization {
        final String id;
        final String deviceId;
        final byte[] secret;
        final long perTransactionLimit;
        long remainingLimit;
        boolean revoked;
        long newestUsedStep = Long.MIN_VALUE;
        /** Declines that count toward a step's cap (currency, limits, funds), per step. */
        final Map<Long, Integer> stepDeclines = new HashMap<>();

        Authorization(String id, String deviceId, byte[] secret, long perTransactionLimit, long remainingLimit) {
            this.id = id;
            this.deviceId = deviceId;
            this.secret = secret;
            this.perTransactionLimit = perTransactionLimit;
            this.remainingLimit = remainingLimit;
        }

        /** The oldest step the phone can still use, with a margin of one step to the server's skew of two. */
        long nextFreeStep(long currentStep) {
            return Math.max(newestUsedStep == Long.MIN_VALUE ? currentStep - 1 : newestUsedStep + 1, currentStep - 1);
        }
    }

    private record Terminal(String id, String merchantId, String currency) {
    }

    private static final class Payment {
        final String id;
        final Customer customer;
        final Authorization authorization;
        final Terminal terminal;
        final long amount;
        long refunded;
        boolean reversed;
        boolean settled;

        Payment(String id, Customer customer, Authorization authorization, Terminal terminal, long amount) {
            this.id = id;
            this.customer = customer;
            this.authorization = authorization;
            this.terminal = terminal;
            this.amount = amount;
        }
    }

    private static final class Refund {
        final Payment payment;
        final long amount;
        boolean settled;

        Refund(Payment payment, long amount) {
            this.payment = payment;
            this.amount = amount;
        }
    }

    /** A payment request as sent, with the answer it got: a retry must get the same. */
    private record SentPayment(Terminal terminal, String key, String body, int status, String idOrCode) {
    }

    @Test
    void randomOperationsKeepServerAndModelInStep() {
        System.out.printf(Locale.ROOT, "PaymentsModelIT: seed %d, %d operations%n", SEED, OPERATIONS);
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        setUp();
        compare("set-up");
        for (int step = 1; step <= OPERATIONS; step++) {
            String done = randomOperation();
            compare("step " + step + " (" + done + "), seed " + SEED);
        }
        settle();
        compare("final settlement, seed " + SEED);
        compareHistories(start);
    }

    private void setUp() {
        for (int i = 0; i < 3; i++) {
            String id = Bank.customer();
            String card = Cards.luhnValid(16);
            long opening = 5_000 + random.nextInt(40_000);
            Bank.account(id, card, "EUR", opening, Bank.PIN);
            customers.add(new Customer(id, card, opening));
        }
        for (String currency : List.of("EUR", "EUR", "USD")) {
            String merchant = Expect.created(Bank.postMerchant(Api.uniqueId("merch"), "Model Merchant", currency)).get("id").asText();
            merchants.add(merchant);
            int count = "USD".equals(currency) ? 1 : 2;
            for (int t = 0; t < count; t++) {
                terminals.add(new Terminal(Bank.terminal(merchant), merchant, currency));
            }
        }
        for (Customer customer : customers) {
            authorize(customer, "phone-a");
            authorize(customer, "phone-b");
        }
    }

    private String randomOperation() {
        int dice = random.nextInt(100);
        if (dice < 10) {
            Customer customer = any(customers);
            return authorize(customer, random.nextBoolean() ? "phone-a" : "phone-b");
        }
        if (dice < 45) {
            return pay(eurTerminal(), false);
        }
        if (dice < 50) {
            return pay(usdTerminal(), false);
        }
        if (dice < 55) {
            return pay(eurTerminal(), true);
        }
        if (dice < 60) {
            return badCode();
        }
        if (dice < 75) {
            return payments.isEmpty() ? pay(eurTerminal(), false) : refund(any(payments));
        }
        if (dice < 87) {
            return payments.isEmpty() ? pay(eurTerminal(), false) : reverse(any(payments));
        }
        if (dice < 95) {
            return sent.isEmpty() ? pay(eurTerminal(), false) : retry(any(sent));
        }
        return settle();
    }

    // --- operations ----------------------------------------------------------------------------

    private String authorize(Customer customer, String deviceId) {
        long total = 2_000 + random.nextInt(18_000);
        long perTransaction = 500 + random.nextInt((int) Math.min(total, 6_000) - 499);
        JsonNode approval = Expect.created(Api.as(customer.id, "customer").post("/api/v1/offline-authorizations",
                Bodies.json("accountNumber", customer.card, "secureCode", Bank.PIN, "deviceId", deviceId,
                        "perTransactionLimit", perTransaction, "totalLimit", total)));
        assertEquals("ACTIVE", approval.path("status").asText(), approval::toString);
        assertEquals(total, approval.path("remainingLimit").asLong(), approval::toString);
        assertEquals(perTransaction, approval.path("perTransactionLimit").asLong(), approval::toString);
        Authorization earlier = customer.authorizations.values().stream()
                .filter(a -> a.deviceId.equals(deviceId) && !a.revoked).findFirst().orElse(null);
        if (earlier != null) {
            earlier.revoked = true;
        }
        Authorization authorization = new Authorization(approval.path("id").asText(), deviceId,
                OfflineCodes.base32(approval.path("code").path("secret").asText()), perTransaction, total);
        customer.authorizations.put(authorization.id, authorization);
        return "authorize " + customer.id + " on " + deviceId + ": per transaction " + perTransaction + ", total " + total;
    }

    /**
     * Pays with a code of one of the customer's authorizations (now and then a revoked one); with
     * {@code usedCode}, the code of the newest step already used, which must be refused.
     */
    private String pay(Terminal terminal, boolean usedCode) {
        Customer customer = any(customers);
        long currentStep = OfflineCodes.currentStep();
        List<Authorization> candidates = customer.authorizations.values().stream()
                .filter(a -> usedCode
                        ? a.newestUsedStep != Long.MIN_VALUE && a.newestUsedStep >= currentStep - 1
                        : a.nextFreeStep(currentStep) <= currentStep + 1)
                .filter(a -> !a.revoked || random.nextInt(4) == 0)
                .toList();
        if (candidates.isEmpty()) {
            return usedCode ? pay(terminal, false) : authorize(customer, random.nextBoolean() ? "phone-a" : "phone-b");
        }
        Authorization authorization = any(candidates);
        long step = usedCode ? authorization.newestUsedStep : authorization.nextFreeStep(currentStep);
        long amount = 1 + random.nextInt((int) Math.max(authorization.perTransactionLimit + authorization.perTransactionLimit / 5, 2));
        if (random.nextInt(10) == 0) {
            amount = customer.balance + 1 + random.nextInt(100); // more than the account holds
        }
        boolean stepUsedUp = authorization.stepDeclines.getOrDefault(step, 0) >= MAX_STEP_DECLINES;
        String expectedCode = usedCode || stepUsedUp ? "CODE_REUSED"
                : authorization.revoked ? "AUTHORIZATION_REVOKED"
                : !terminal.currency.equals("EUR") ? "CURRENCY_MISMATCH"
                : amount > authorization.perTransactionLimit || amount > authorization.remainingLimit ? "LIMIT_EXCEEDED"
                : amount > customer.balance ? "INSUFFICIENT_FUNDS"
                : null;
        String body = Bodies.json("userId", customer.id, "securityCode", OfflineCodes.code(authorization.secret, step),
                "amount", amount, "currency", "EUR", "order", Bodies.map("id", "order-" + keys, "description", "Model order"));
        String key = "model-" + (keys++);
        Answer answer = Api.as(terminal.id, "pos").header("Idempotency-Key", key).post("/api/v1/pos/payments", body);
        String what = "pay " + amount + " by " + customer.id + " at " + terminal.id + " with step " + step + " of "
                + authorization.id + (authorization.revoked ? " (revoked)" : "") + ": expect "
                + (expectedCode == null ? "201" : expectedCode);
        if (expectedCode != null) {
            Expect.problem(answer, 402, expectedCode);
            if (STEP_DECLINES.contains(expectedCode)) {
                authorization.stepDeclines.merge(step, 1, Integer::sum);
            }
            sent.add(new SentPayment(terminal, key, body, 402, expectedCode));
            return what;
        }
        JsonNode approval = Expect.created(answer);
        assertEquals("APPROVED", approval.path("status").asText(), what);
        assertEquals(amount, approval.path("amount").asLong(), what);
        assertEquals(terminal.merchantId, approval.path("merchantId").asText(), what);
        Payment payment = new Payment(approval.path("id").asText(), customer, authorization, terminal, amount);
        payments.add(payment);
        customer.balance -= amount;
        authorization.remainingLimit -= amount;
        authorization.newestUsedStep = step;
        sent.add(new SentPayment(terminal, key, body, 201, payment.id));
        return what;
    }

    private String badCode() {
        Customer customer = any(customers);
        Terminal terminal = eurTerminal();
        String pair = customer.id + "@" + terminal.id;
        int userTotal = badCodes.entrySet().stream().filter(e -> e.getKey().startsWith(customer.id + "@"))
                .mapToInt(Map.Entry::getValue).sum();
        int terminalTotal = badCodes.entrySet().stream().filter(e -> e.getKey().endsWith("@" + terminal.id))
                .mapToInt(Map.Entry::getValue).sum();
        if (badCodes.getOrDefault(pair, 0) >= BAD_CODES_PER_PAIR || userTotal >= BAD_CODES_PER_USER
                || terminalTotal >= BAD_CODES_PER_TERMINAL) {
            return pay(terminal, false);
        }
        String code = wrongCodeFor(customer);
        Answer answer = Api.as(terminal.id, "pos").header("Idempotency-Key", "model-" + (keys++))
                .post("/api/v1/pos/payments", Bodies.json("userId", customer.id, "securityCode", code,
                        "amount", 100, "currency", "EUR"));
        Expect.problem(answer, 402, "CODE_INVALID");
        badCodes.merge(pair, 1, Integer::sum);
        return "wrong code for " + customer.id + " at " + terminal.id;
    }

    private String refund(Payment payment) {
        long left = payment.amount - payment.refunded;
        long amount = 1 + random.nextInt((int) Math.max(left + left / 3, 1));
        Terminal terminal = sameMerchantTerminal(payment.terminal);
        Answer answer = Api.as(terminal.id, "pos").header("Idempotency-Key", "model-" + (keys++))
                .post("/api/v1/pos/payments/" + payment.id + "/refunds", Bodies.json("amount", amount));
        String what = "refund " + amount + " of " + payment.id + " (" + payment.amount + ", refunded " + payment.refunded
                + (payment.reversed ? ", reversed" : "") + ") at " + terminal.id;
        boolean exceeds = amount > left;
        if (payment.reversed && exceeds) {
            Expect.problemOneOf(answer, 409, 422);
        } else if (payment.reversed) {
            Expect.problem(answer, 409, "PAYMENT_REVERSED");
        } else if (exceeds) {
            Expect.problem(answer, 422, "REFUND_EXCEEDS_PAYMENT");
        } else {
            JsonNode refund = Expect.created(answer);
            assertEquals("REFUNDED", refund.path("status").asText(), what);
            assertEquals(amount, refund.path("amount").asLong(), what);
            assertEquals(payment.id, refund.path("paymentId").asText(), what);
            payment.refunded += amount;
            payment.customer.balance += amount;
            refunds.add(new Refund(payment, amount));
        }
        return what;
    }

    private String reverse(Payment payment) {
        Terminal terminal = sameMerchantTerminal(payment.terminal);
        Answer answer = Api.as(terminal.id, "pos").send("POST", "/api/v1/pos/payments/" + payment.id + "/reversal", null, null);
        String what = "reverse " + payment.id + " (" + payment.amount + (payment.reversed ? ", reversed" : "")
                + (payment.settled ? ", settled" : "") + (payment.refunded > 0 ? ", refunded" : "") + ") at " + terminal.id;
        if (payment.reversed) {
            assertEquals("REVERSED", Expect.ok(answer).path("status").asText(), what);
        } else if (payment.settled && payment.refunded > 0) {
            JsonNode problem = Expect.problemOneOf(answer, 409);
            assertTrue(Set.of("PAYMENT_SETTLED", "PAYMENT_REFUNDED").contains(problem.path("code").asText()), what);
        } else if (payment.settled) {
            Expect.problem(answer, 409, "PAYMENT_SETTLED");
        } else if (payment.refunded > 0) {
            Expect.problem(answer, 409, "PAYMENT_REFUNDED");
        } else {
            JsonNode reversed = Expect.ok(answer);
            assertEquals("REVERSED", reversed.path("status").asText(), what);
            assertEquals(payment.id, reversed.path("id").asText(), what);
            payment.reversed = true;
            payment.customer.balance += payment.amount;
            payment.authorization.remainingLimit += payment.amount;
        }
        return what;
    }

    /** The same key and the same body again: the stored answer, and nothing moves. */
    private String retry(SentPayment original) {
        Answer answer = Api.as(original.terminal.id, "pos").header("Idempotency-Key", original.key)
                .post("/api/v1/pos/payments", original.body);
        String what = "retry " + original.key + " at " + original.terminal.id + ": expect " + original.status;
        if (original.status == 201) {
            assertEquals(original.idOrCode, Expect.created(answer).path("id").asText(), what);
        } else {
            Expect.problem(answer, original.status, original.idOrCode);
        }
        return what;
    }

    private String settle() {
        Map<String, long[]> expected = new HashMap<>(); // merchant -> count, gross, refunds
        for (Payment payment : payments) {
            if (!payment.settled && !payment.reversed) {
                long[] batch = expected.computeIfAbsent(payment.terminal.merchantId, m -> new long[3]);
                batch[0]++;
                batch[1] += payment.amount;
            }
        }
        for (Refund refund : refunds) {
            if (!refund.settled) {
                expected.computeIfAbsent(refund.payment.terminal.merchantId, m -> new long[3])[2] += refund.amount;
            }
        }
        JsonNode batches = Expect.created(Api.admin().send("POST", "/api/v1/admin/settlements", null, null));
        Map<String, JsonNode> ours = new HashMap<>();
        for (JsonNode batch : batches.path("items")) {
            if (merchants.contains(batch.path("merchantId").asText())) {
                JsonNode earlier = ours.put(batch.path("merchantId").asText(), batch);
                assertEquals(null, earlier, () -> "two batches for one merchant and currency: " + batches);
            }
        }
        assertEquals(expected.keySet(), ours.keySet(), () -> "merchants settled: " + batches);
        expected.forEach((merchant, batch) -> {
            JsonNode actual = ours.get(merchant);
            String what = "batch of " + merchant + ": " + actual;
            assertEquals(batch[0], actual.path("count").asLong(), what);
            assertEquals(batch[1], actual.path("gross").asLong(), what);
            assertEquals(batch[2], actual.path("refunds").asLong(), what);
            assertEquals(batch[1] - batch[2], actual.path("net").asLong(), what);
            assertEquals("EUR", actual.path("currency").asText(), what);
        });
        payments.stream().filter(p -> !p.reversed).forEach(p -> p.settled = true);
        refunds.forEach(r -> r.settled = true);
        return "settle: " + expected.size() + " of our merchants";
    }

    // --- comparison ----------------------------------------------------------------------------

    private void compare(String after) {
        for (Customer customer : customers) {
            Api caller = Api.as(customer.id, "customer");
            JsonNode accounts = Expect.ok(caller.get("/api/v1/accounts"));
            assertEquals(1, accounts.path("items").size(), after);
            assertEquals(customer.balance, accounts.path("items").get(0).path("balance").asLong(),
                    () -> "balance of " + customer.id + " after " + after);
            Map<String, JsonNode> listed = new HashMap<>();
            allPages(caller, "/api/v1/offline-authorizations").forEach(item -> listed.put(item.path("id").asText(), item));
            assertEquals(customer.authorizations.keySet(), listed.keySet(), () -> "authorizations of " + customer.id + " after " + after);
            customer.authorizations.values().forEach(authorization -> {
                JsonNode item = listed.get(authorization.id);
                assertEquals(authorization.revoked ? "REVOKED" : "ACTIVE", item.path("status").asText(),
                        () -> "status of " + authorization.id + " after " + after + ": " + item);
                assertEquals(authorization.remainingLimit, item.path("remainingLimit").asLong(),
                        () -> "remaining limit of " + authorization.id + " after " + after + ": " + item);
                assertTrue(item.path("code").path("secret").isMissingNode() && item.path("secret").isMissingNode(),
                        () -> "a listed authorization shows its secret: " + item);
            });
        }
        JsonNode trialBalance = Bank.trialBalance();
        assertTrue(trialBalance.path("balanced").asBoolean(), () -> "unbalanced after " + after + ": " + trialBalance);
        long[] eur = Bank.totals(trialBalance, "EUR");
        assertEquals(eur[0], eur[1], () -> "EUR debits and credits differ after " + after + ": " + trialBalance);
    }

    /** Every payment, refund and reversal of the run in each customer's history, with its amount. */
    private void compareHistories(Instant start) {
        for (Customer customer : customers) {
            Map<String, Long> expected = new HashMap<>();
            payments.stream().filter(p -> p.customer == customer).forEach(p -> {
                expected.merge("PAYMENT", p.amount, Long::sum);
                if (p.reversed) {
                    expected.merge("REVERSAL", p.amount, Long::sum);
                }
            });
            refunds.stream().filter(r -> r.payment.customer == customer)
                    .forEach(r -> expected.merge("REFUND", r.amount, Long::sum));
            Map<String, Long> listed = new HashMap<>();
            allPages(Api.as(customer.id, "customer"), "/api/v1/payments?since=" + start)
                    .forEach(item -> listed.merge(item.path("type").asText(), item.path("amount").asLong(), Long::sum));
            assertEquals(expected, listed, () -> "history of " + customer.id);
        }
    }

    private static List<JsonNode> allPages(Api caller, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            JsonNode page = Expect.ok(caller.get(path + separator + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))));
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    // --- choices -------------------------------------------------------------------------------

    /** A code that is none of the customer's codes in the server's window (skew two steps each way). */
    private String wrongCodeFor(Customer customer) {
        long currentStep = OfflineCodes.currentStep();
        Set<String> valid = new java.util.HashSet<>();
        for (Authorization authorization : customer.authorizations.values()) {
            for (long step = currentStep - 3; step <= currentStep + 3; step++) {
                valid.add(OfflineCodes.code(authorization.secret, step));
            }
        }
        String code;
        do {
            code = String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
        } while (valid.contains(code));
        return code;
    }

    private Terminal eurTerminal() {
        return any(terminals.stream().filter(t -> t.currency.equals("EUR")).toList());
    }

    private Terminal usdTerminal() {
        return any(terminals.stream().filter(t -> t.currency.equals("USD")).toList());
    }

    private Terminal sameMerchantTerminal(Terminal terminal) {
        return any(terminals.stream().filter(t -> t.merchantId.equals(terminal.merchantId)).toList());
    }

    private <T> T any(List<T> choices) {
        if (choices.isEmpty()) {
            fail("nothing to choose from");
        }
        return choices.get(random.nextInt(choices.size()));
    }
}
