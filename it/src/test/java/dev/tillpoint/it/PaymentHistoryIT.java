package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md "Offline payments": GET /payments?since=, what the phone syncs when back online. */
class PaymentHistoryIT extends DeployedEar {

    @Test
    void theHistoryListsPaymentsRefundsAndReversalsOldestFirstWithoutDeclines() {
        Payer payer = Payer.authorized(10_000);
        Pos pos = Pos.newMerchant();
        JsonNode first = Expect.created(pos.pay(Api.uniqueId("key"), Bodies.with(Pos.paymentBody(payer.customerId,
                payer.codeAt(0), 1_000, "EUR"), "order", Bodies.map("id", "o-1", "description", "tea"))));
        Expect.problem(pos.pay(payer, payer.wrongCode(), 5), 402, "CODE_INVALID");
        JsonNode second = Expect.created(pos.pay(payer, payer.codeAt(1), 2_000));
        JsonNode refund = Expect.created(pos.refund(first.get("id").asText(), Api.uniqueId("key"), 300));
        Expect.ok(pos.reverse(second.get("id").asText()));

        JsonNode history = Expect.ok(payer.api().get(Endpoint.MY_PAYMENTS.path()));
        JsonNode items = history.path("items");
        assertEquals(4, items.size(), history::toString);
        assertEquals(List.of("PAYMENT", "PAYMENT", "REFUND", "REVERSAL"), types(items), history::toString);
        JsonNode paid = items.get(0);
        assertEquals(first.get("id"), paid.get("id"));
        assertEquals(first.get("id"), paid.get("paymentId"));
        assertEquals(1_000, paid.path("amount").asLong());
        assertEquals("EUR", paid.path("currency").asText());
        assertEquals(pos.merchantId, paid.path("merchantId").asText());
        assertEquals(pos.terminalId, paid.path("terminalId").asText());
        assertEquals("o-1", paid.path("order").path("id").asText(), paid::toString);
        assertEquals(refund.get("id"), items.get(2).get("id"));
        assertEquals(first.get("id"), items.get(2).get("paymentId"));
        assertEquals(300, items.get(2).path("amount").asLong());
        assertEquals(second.get("id"), items.get(3).get("paymentId"));
        assertEquals(2_000, items.get(3).path("amount").asLong());
        assertFalse(history.toString().contains("CODE_INVALID"));

        String since = URLEncoder.encode(second.get("createdAt").asText(), StandardCharsets.UTF_8);
        JsonNode later = Expect.ok(payer.api().get(Endpoint.MY_PAYMENTS.path() + "?since=" + since));
        assertEquals(List.of("PAYMENT", "REFUND", "REVERSAL"), types(later.path("items")), later::toString);
        assertEquals(second.get("id"), later.path("items").get(0).get("id"), "since is inclusive");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Expect.ok(payer.api().get(Endpoint.MY_PAYMENTS.pagePath("1", cursor)));
            page.path("items").forEach(item -> paged.add(item.path("type").asText()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null && paged.size() < 10);
        assertEquals(types(items), paged);

        JsonNode stranger = Expect.ok(Api.as(Bank.customer(), "customer").get(Endpoint.MY_PAYMENTS.path()));
        assertEquals(0, stranger.path("items").size(), stranger::toString);
    }

    @Test
    void aBadSinceIs400NamingIt() {
        Payer payer = Payer.withBalance(100, "EUR");
        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "1700000000", "")) {
            Expect.validation(payer.api().get(Endpoint.MY_PAYMENTS.path() + "?since=" + URLEncoder.encode(bad, StandardCharsets.UTF_8)),
                    "since");
        }
    }

    private static List<String> types(JsonNode items) {
        List<String> types = new ArrayList<>();
        items.forEach(item -> types.add(item.path("type").asText()));
        return types;
    }
}
