package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test data through the admin API (DESIGN.md "Admin set-up"), each helper asserting the
 * happy-path answer. Every id and card is fresh, since all test classes share one database.
 */
final class Bank {

    /** The PIN of accounts whose PIN does not matter to the test. */
    static final String PIN = "246810";

    private Bank() {
    }

    static JsonNode createCustomer(String id, String name) {
        return Expect.created(postCustomer(id, name));
    }

    /** POST /admin/customers; {@code id} null leaves it out. */
    static Answer postCustomer(String id, String name) {
        return Api.admin().post(Endpoint.CREATE_CUSTOMER.path(), Bodies.json("id", id, "name", name));
    }

    /** A new customer's id. */
    static String customer() {
        return createCustomer(Api.uniqueId("cust"), "IT Customer").get("id").asText();
    }

    static Map<String, Object> accountBody(String customerId, String card, String currency, long openingBalance, String pin) {
        return Bodies.map("customerId", customerId, "accountNumber", card, "currency", currency,
                "openingBalance", openingBalance, "pin", pin);
    }

    static Answer postAccount(Map<String, Object> body) {
        return Api.admin().post(Endpoint.CREATE_ACCOUNT.path(), Bodies.json(body));
    }

    static JsonNode account(String customerId, String card, String currency, long openingBalance, String pin) {
        return Expect.created(postAccount(accountBody(customerId, card, currency, openingBalance, pin)));
    }

    /** A new EUR account of the customer with a fresh 16-digit card and 10 000 minor units. */
    static JsonNode account(String customerId) {
        return account(customerId, Cards.luhnValid(16), "EUR", 10_000, PIN);
    }

    static Answer unlock(String accountId) {
        return Api.admin().send("POST", Endpoint.UNLOCK_ACCOUNT.path(accountId), null, null);
    }

    static Answer postMerchant(String id, String name, String currency) {
        return Api.admin().post(Endpoint.CREATE_MERCHANT.path(), Bodies.json("id", id, "name", name, "currency", currency));
    }

    /** A new EUR merchant's id. */
    static String merchant() {
        return Expect.created(postMerchant(Api.uniqueId("merch"), "IT Merchant", "EUR")).get("id").asText();
    }

    static Answer postTerminal(String merchantId, String terminalId) {
        return Api.admin().post(Endpoint.CREATE_TERMINAL.path(merchantId), Bodies.json("id", terminalId));
    }

    /** A new active terminal's id. */
    static String terminal(String merchantId) {
        return Expect.created(postTerminal(merchantId, Api.uniqueId("term"))).get("id").asText();
    }

    static Answer deactivate(String merchantId, String terminalId) {
        return Api.admin().delete(Endpoint.DEACTIVATE_TERMINAL.path(merchantId, terminalId));
    }

    /** The same, through the server at {@code baseUrl} (a cluster node). */
    static Answer deactivateAt(String baseUrl, String merchantId, String terminalId) {
        return Api.admin().at(baseUrl).delete(Endpoint.DEACTIVATE_TERMINAL.path(merchantId, terminalId));
    }

    /** GET /pos/terminals/me as the terminal. */
    static Answer atPos(String terminalId) {
        return Api.as(terminalId, "pos").get(Endpoint.MY_TERMINAL.path());
    }

    static JsonNode trialBalance() {
        return Expect.ok(Api.admin().get(Endpoint.TRIAL_BALANCE.path()));
    }

    /** {debits, credits} of {@code currency} in a trial balance, zeros when it is not listed. */
    static long[] totals(JsonNode trialBalance, String currency) {
        for (JsonNode line : trialBalance.path("currencies")) {
            if (currency.equals(line.path("currency").asText())) {
                assertTrue(line.path("debits").isIntegralNumber() && line.path("credits").isIntegralNumber(),
                        () -> "debits and credits must be integers: " + trialBalance);
                return new long[] {line.get("debits").asLong(), line.get("credits").asLong()};
            }
        }
        return new long[] {0, 0};
    }

    /** The ids of a list answer's items. */
    static List<String> itemIds(JsonNode list) {
        assertTrue(list.path("items").isArray(), () -> "not {\"items\": [...]}: " + list);
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** The item with this id in a list answer, or null. */
    static JsonNode item(JsonNode list, String id) {
        for (JsonNode item : list.path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        return null;
    }
}
