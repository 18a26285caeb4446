package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Settlement", payment events, end to end: a payment approved, refunded and another
 * reversed at the POS reach the customer's notifications through the outbox, the topic and the
 * subscriber, each once, with amounts and merchant; another customer sees none of them.
 */
class PaymentEventsIT extends DeployedEar {

    private static final long WAIT_MILLIS = 10_000;

    @Test
    void approvalsRefundsAndReversalsBecomeTheCustomersNotificationsOnce() throws Exception {
        String merchant = Bank.merchant();
        String terminal = Bank.terminal(merchant);
        Payer payer = Payer.authorized(20_000);
        JsonNode kept = pay(terminal, payer, 0, 1_500);
        JsonNode undone = pay(terminal, payer, 1, 700);
        Expect.created(Api.as(terminal, "pos").header("Idempotency-Key", Api.uniqueId("refund"))
                .post("/api/v1/pos/payments/" + kept.get("id").asText() + "/refunds", Bodies.json("amount", 250)));
        Expect.ok(Api.as(terminal, "pos").send("POST", "/api/v1/pos/payments/" + undone.get("id").asText() + "/reversal", null, null));

        List<JsonNode> notifications = awaitNotifications(payer, 4);
        assertEquals(Stream.of(
                        "PAYMENT_APPROVED " + kept.get("id").asText() + " 1500",
                        "PAYMENT_APPROVED " + undone.get("id").asText() + " 700",
                        "PAYMENT_REFUNDED " + kept.get("id").asText() + " 250",
                        "PAYMENT_REVERSED " + undone.get("id").asText() + " 700").sorted().toList(),
                notifications.stream().map(n -> n.path("type").asText() + " " + n.path("paymentId").asText() + " "
                        + n.path("amount").asLong()).sorted().toList(), notifications::toString);
        notifications.forEach(n -> {
            assertEquals(merchant, n.path("merchantId").asText(), n::toString);
            assertEquals("EUR", n.path("currency").asText(), n::toString);
            assertTrue(n.path("createdAt").isTextual() && Expect.ID.matcher(n.path("id").asText()).matches(), n::toString);
        });

        Thread.sleep(1_000); // a duplicate would have arrived by now
        assertEquals(4, notifications(payer).size(), "each event once");
        assertEquals(0, Expect.ok(Api.as(Bank.customer(), "customer").get("/api/v1/notifications")).path("items").size());
    }

    private static JsonNode pay(String terminal, Payer payer, int step, long amount) {
        JsonNode payment = Expect.created(Api.as(terminal, "pos").header("Idempotency-Key", Api.uniqueId("events"))
                .post("/api/v1/pos/payments", Bodies.json("userId", payer.customerId, "securityCode", payer.codeAt(step),
                        "amount", amount, "currency", "EUR")));
        assertEquals("APPROVED", payment.path("status").asText(), payment::toString);
        return payment;
    }

    private static List<JsonNode> awaitNotifications(Payer payer, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<JsonNode> shown = notifications(payer);
        while (shown.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            shown = notifications(payer);
        }
        List<JsonNode> last = shown;
        assertEquals(count, last.size(), () -> "notifications after " + WAIT_MILLIS + " ms: " + last);
        return last;
    }

    private static List<JsonNode> notifications(Payer payer) {
        List<JsonNode> items = new ArrayList<>();
        Expect.ok(payer.api().get("/api/v1/notifications")).path("items").forEach(items::add);
        return items;
    }
}
