package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Settlement" against the deployed EAR: one batch per merchant and currency with the
 * right figures, nothing settled twice (run again, or runs overlapping), refunds of settled
 * payments in the next batch, settled payments no longer reversible, the merchant's own batches
 * and their CSV files only.
 *
 * <p>Every run settles the whole bank, other tests' payments too, so each test looks only at the
 * batches of the merchants it made.
 */
class SettlementIT extends DeployedEar {

    @Test
    void aRunSettlesEachMerchantsApprovedPaymentsAndRefundsIntoOneBatch() {
        Shop a = Shop.open(2);
        Shop b = Shop.open(1);
        Payer payer = Payer.authorized(50_000);

        JsonNode first = approved(pay(a.terminals.get(0), payer, -1, 1_000, "order-a1"));
        approved(pay(a.terminals.get(1), payer, 0, 500, "order-a2"));
        approved(pay(b.terminals.get(0), payer, 1, 700, null));
        Payer other = Payer.authorized(50_000);
        JsonNode reversed = approved(pay(b.terminals.get(0), other, 0, 300, null));
        Expect.ok(reverse(b.terminals.get(0), reversed.get("id").asText()));
        Expect.created(refund(a.terminals.get(1), first.get("id").asText(), 200));

        Map<String, JsonNode> batches = settleAndPick(a, b);
        assertBatch(batches.get(a.id), 2, 1_500, 200);
        assertBatch(batches.get(b.id), 1, 700, 0);
        assertTrue(Bank.trialBalance().path("balanced").asBoolean());

        JsonNode mine = Expect.ok(a.api().get("/api/v1/merchant/settlements"));
        assertEquals(List.of(batches.get(a.id).get("id").asText()), Bank.itemIds(mine));
        assertEquals(batches.get(a.id), Expect.ok(a.api().get("/api/v1/merchant/settlements/" + batches.get(a.id).get("id").asText())));
        JsonNode payment = Expect.ok(Api.as(a.terminals.get(0), "pos").get("/api/v1/pos/payments/" + first.get("id").asText()));
        assertEquals(batches.get(a.id).get("id").asText(), payment.path("settlementId").asText(), payment::toString);
    }

    @Test
    void aSecondRunSettlesNothingTwice() {
        Shop shop = Shop.open(1);
        Payer payer = Payer.authorized(10_000);
        approved(pay(shop.terminals.get(0), payer, 0, 1_234, null));

        assertBatch(settleAndPick(shop).get(shop.id), 1, 1_234, 0);
        assertEquals(Map.of(), settleAndPick(shop), "nothing left to settle for the shop");
        assertEquals(1, Expect.ok(shop.api().get("/api/v1/merchant/settlements")).path("items").size());
    }

    @Test
    void overlappingRunsSettleEachPaymentExactlyOnce() throws Exception {
        Shop shop = Shop.open(3);
        long gross = 0;
        for (int i = 0; i < 3; i++) {
            Payer payer = Payer.authorized(10_000);
            for (int step = -1; step <= 1; step++) {
                long amount = 100 + 10L * i + step;
                approved(pay(shop.terminals.get(i), payer, step, amount, null));
                gross += amount;
            }
        }
        int runs = 4;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                answers.add(pool.submit((Callable<Answer>) () -> {
                    start.await();
                    return Api.admin().send("POST", "/api/v1/admin/settlements", null, null);
                }));
            }
            start.countDown();
            List<JsonNode> shopsBatches = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                Expect.created(answer.get(2, TimeUnit.MINUTES)).path("items").forEach(batch -> {
                    if (shop.id.equals(batch.path("merchantId").asText())) {
                        shopsBatches.add(batch);
                    }
                });
            }
            assertEquals(1, shopsBatches.size(), () -> "batches of the shop over " + runs + " overlapping runs: " + shopsBatches);
            assertBatch(shopsBatches.get(0), 9, gross, 0);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Bank.trialBalance().path("balanced").asBoolean());
    }

    @Test
    void aRefundOfASettledPaymentGoesIntoTheNextBatchWhoseNetMayBeNegative() {
        Shop shop = Shop.open(1);
        Payer payer = Payer.authorized(10_000);
        JsonNode payment = approved(pay(shop.terminals.get(0), payer, 0, 1_000, null));
        assertBatch(settleAndPick(shop).get(shop.id), 1, 1_000, 0);

        JsonNode refund = Expect.created(refund(shop.terminals.get(0), payment.get("id").asText(), 400));
        assertEquals(400, refund.path("amount").asLong());
        assertBatch(settleAndPick(shop).get(shop.id), 0, 0, 400);
        assertEquals(10_000 - 1_000 + 400, payer.balance());
    }

    @Test
    void aSettledPaymentCanNoLongerBeReversed() {
        Shop shop = Shop.open(1);
        Payer payer = Payer.authorized(10_000);
        JsonNode payment = approved(pay(shop.terminals.get(0), payer, 0, 800, null));
        settleAndPick(shop);

        Expect.problem(reverse(shop.terminals.get(0), payment.get("id").asText()), 409, "PAYMENT_SETTLED");
        assertEquals(10_000 - 800, payer.balance(), "the failed reversal moved nothing");
    }

    @Test
    void theSettlementFileListsEveryPaymentAndRefundWithFormulasDefused() {
        Shop shop = Shop.open(1);
        String terminal = shop.terminals.get(0);
        Payer payer = Payer.authorized(10_000);
        JsonNode formula = approved(pay(terminal, payer, -1, 1_000, "=HYPERLINK(\"http://evil.example\")"));
        JsonNode quoted = approved(pay(terminal, payer, 0, 250, "box 7, \"fragile\""));
        JsonNode plain = approved(pay(terminal, payer, 1, 99, null));
        JsonNode refund = Expect.created(refund(terminal, quoted.get("id").asText(), 50));
        String batchId = settleAndPick(shop).get(shop.id).get("id").asText();

        Answer file = shop.api().header("Accept", "text/csv").get("/api/v1/merchant/settlements/" + batchId);
        assertEquals(200, file.status(), file::toString);
        assertTrue(file.contentType().startsWith("text/csv"), file::toString);
        List<String> lines = Arrays.asList(file.body().split("\r\n", -1));
        assertEquals("", lines.get(lines.size() - 1), "every row ends with CRLF");
        assertEquals("type,id,paymentId,terminalId,orderId,amount,currency,createdAt", lines.get(0));
        List<String> rows = lines.subList(1, lines.size() - 1);
        assertEquals(4, rows.size(), file::body);
        assertTrue(rows.contains(row("PAYMENT", formula, formula.get("id").asText(), "\"'=HYPERLINK(\"\"http://evil.example\"\")\"", 1_000)), file::body);
        assertTrue(rows.contains(row("PAYMENT", quoted, quoted.get("id").asText(), "\"box 7, \"\"fragile\"\"\"", 250)), file::body);
        assertTrue(rows.contains(row("PAYMENT", plain, plain.get("id").asText(), "", 99)), file::body);
        assertTrue(rows.contains("REFUND," + refund.get("id").asText() + "," + quoted.get("id").asText() + "," + terminal
                + ",\"box 7, \"\"fragile\"\"\",50,EUR," + refund.get("createdAt").asText()), file::body);
    }

    @Test
    void aMerchantSeesOnlyItsOwnBatches() {
        Shop shop = Shop.open(1);
        Shop stranger = Shop.open(1);
        approved(pay(shop.terminals.get(0), Payer.authorized(5_000), 0, 300, null));
        String batchId = settleAndPick(shop).get(shop.id).get("id").asText();

        Expect.problem(stranger.api().get("/api/v1/merchant/settlements/" + batchId), 404, "NOT_FOUND");
        Expect.problem(stranger.api().header("Accept", "text/csv").get("/api/v1/merchant/settlements/" + batchId), 404, "NOT_FOUND");
        assertEquals(List.of(), Bank.itemIds(Expect.ok(stranger.api().get("/api/v1/merchant/settlements"))));
        Expect.problem(shop.api().get("/api/v1/merchant/settlements/" + Api.uniqueId("stl")), 404, "NOT_FOUND");
    }

    @Test
    void aFileInAFormatThatIsNotOfferedIsRefused() {
        Shop shop = Shop.open(1);
        approved(pay(shop.terminals.get(0), Payer.authorized(5_000), 0, 300, null));
        String batchId = settleAndPick(shop).get(shop.id).get("id").asText();
        Expect.problem(shop.api().header("Accept", "application/pdf").get("/api/v1/merchant/settlements/" + batchId),
                406, "NOT_ACCEPTABLE");
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A new EUR merchant with its terminals. */
    private record Shop(String id, List<String> terminals) {
        static Shop open(int terminalCount) {
            String id = Bank.merchant();
            List<String> terminals = new ArrayList<>();
            for (int i = 0; i < terminalCount; i++) {
                terminals.add(Bank.terminal(id));
            }
            return new Shop(id, terminals);
        }

        Api api() {
            return Api.as(id, "merchant");
        }
    }

    private static String row(String type, JsonNode payment, String id, String orderCell, long amount) {
        return type + "," + id + "," + payment.get("id").asText() + "," + payment.get("terminalId").asText() + ","
                + orderCell + "," + amount + ",EUR," + payment.get("createdAt").asText();
    }

    /** POST /pos/payments with the payer's code {@code step} steps from now. */
    private static Answer pay(String terminal, Payer payer, int step, long amount, String orderId) {
        Map<String, Object> body = Bodies.map("userId", payer.customerId, "securityCode", payer.codeAt(step),
                "amount", amount, "currency", "EUR");
        if (orderId != null) {
            body.put("order", Bodies.map("id", orderId, "description", "Settlement test"));
        }
        return Api.as(terminal, "pos").header("Idempotency-Key", Api.uniqueId("settle"))
                .post("/api/v1/pos/payments", Bodies.json(body));
    }

    private static JsonNode approved(Answer answer) {
        JsonNode payment = Expect.created(answer);
        assertEquals("APPROVED", payment.path("status").asText(), payment::toString);
        return payment;
    }

    private static Answer refund(String terminal, String paymentId, long amount) {
        return Api.as(terminal, "pos").header("Idempotency-Key", Api.uniqueId("refund"))
                .post("/api/v1/pos/payments/" + paymentId + "/refunds", Bodies.json("amount", amount));
    }

    private static Answer reverse(String terminal, String paymentId) {
        return Api.as(terminal, "pos").send("POST", "/api/v1/pos/payments/" + paymentId + "/reversal", null, null);
    }

    /** Runs settlement and keeps the batches of these shops, by merchant id. */
    private static Map<String, JsonNode> settleAndPick(Shop... shops) {
        JsonNode run = Expect.created(Api.admin().send("POST", "/api/v1/admin/settlements", null, null));
        Map<String, JsonNode> picked = new java.util.HashMap<>();
        for (JsonNode batch : run.path("items")) {
            for (Shop shop : shops) {
                if (shop.id.equals(batch.path("merchantId").asText())) {
                    JsonNode earlier = picked.put(shop.id, batch);
                    assertEquals(null, earlier, () -> "two batches for one merchant in one run: " + run);
                }
            }
        }
        return picked;
    }

    private static void assertBatch(JsonNode batch, int count, long gross, long refunds) {
        assertNotNull(batch, "no batch");
        assertEquals(count, batch.path("count").asInt(), batch::toString);
        assertEquals(gross, batch.path("gross").asLong(), batch::toString);
        assertEquals(refunds, batch.path("refunds").asLong(), batch::toString);
        assertEquals(gross - refunds, batch.path("net").asLong(), batch::toString);
        assertEquals("EUR", batch.path("currency").asText(), batch::toString);
        assertTrue(Expect.ID.matcher(batch.path("id").asText()).matches(), batch::toString);
        assertTrue(batch.path("createdAt").isTextual(), batch::toString);
    }
}
