package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.DynamicTest;

/**
 * DESIGN.md "Errors" for the offline-payment endpoints that read a body: every broken body is a
 * 400 problem+json naming the field, and none of them changed anything (the last test checks the
 * balances, authorizations, payments and refunds they could have made).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentsErrorCorpusIT extends DeployedEar {

    private static final List<String> MALFORMED_JSON = List.of("{", "[]", "\"str\"", "null", "", "{\"a\":1}{\"b\":2}",
            "{'amount':1}", "]");

    private static Fixture fixture;

    /** One payer, terminal and payment that every broken request aims at. */
    private record Fixture(Payer payer, Pos pos, String paymentId, long balance) {
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            Payer payer = Payer.authorized(10_000);
            Pos pos = Pos.newMerchant();
            String paymentId = pos.approved(payer, 1_000).get("id").asText();
            fixture = new Fixture(payer, pos, paymentId, 9_000);
        }
        return fixture;
    }

    /** A body endpoint with its valid body and how to send a body to it. */
    private enum Target {
        AUTHORIZATION, PAYMENT, REFUND, REVERSAL;

        Map<String, Object> validBody() {
            Fixture f = fixture();
            return switch (this) {
                case AUTHORIZATION -> f.payer().authorizationBody(Bodies.map("perTransactionLimit", 100, "totalLimit", 200,
                        "validitySeconds", 60));
                case PAYMENT -> Bodies.with(Pos.paymentBody(f.payer().customerId, f.payer().code(), 100, "EUR"), "order",
                        Bodies.map("id", "o-1", "description", "d"));
                case REFUND -> Bodies.map("amount", 100);
                case REVERSAL -> Bodies.map("idempotencyKey", Api.uniqueId("key"));
            };
        }

        Answer send(String raw) {
            Fixture f = fixture();
            return switch (this) {
                case AUTHORIZATION -> f.payer().api().send("POST", Endpoint.CREATE_OFFLINE_AUTHORIZATION.path(), raw, "application/json");
                case PAYMENT -> f.pos().api().header("Idempotency-Key", Api.uniqueId("key"))
                        .send("POST", Endpoint.POS_PAY.path(), raw, "application/json");
                case REFUND -> f.pos().api().header("Idempotency-Key", Api.uniqueId("key"))
                        .send("POST", Endpoint.POS_REFUND.path(f.paymentId()), raw, "application/json");
                case REVERSAL -> f.pos().api().send("POST", Endpoint.POS_REVERSE_BY_KEY.path(), raw, "application/json");
            };
        }

        Answer post(Map<String, Object> body) {
            return send(Bodies.json(body));
        }
    }

    private static DynamicTest broken(Target target, String description, Function<Map<String, Object>, Map<String, Object>> change,
            String field) {
        return dynamicTest(target + ": " + description, () -> Expect.validation(target.post(change.apply(target.validBody())), field));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> malformedJsonIs400() {
        return Stream.of(Target.values()).flatMap(target -> MALFORMED_JSON.stream().map(raw ->
                dynamicTest(target + ": body " + Bodies.show(raw), () -> Expect.validation(target.send(raw)))));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> badFieldsAre400NamingTheField() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<Target, List<String>> required = Map.of(
                Target.AUTHORIZATION, List.of("accountNumber", "secureCode", "deviceId"),
                Target.PAYMENT, List.of("userId", "securityCode", "amount", "currency"),
                Target.REFUND, List.of("amount"),
                Target.REVERSAL, List.of("idempotencyKey"));
        required.forEach((target, fields) -> fields.forEach(field -> {
            tests.add(broken(target, field + " missing", body -> Bodies.without(body, field), field));
            tests.add(broken(target, field + " null", body -> Bodies.with(body, field, null), field));
            tests.add(broken(target, field + " an array", body -> Bodies.with(body, field, List.of("x")), field));
            tests.add(broken(target, field + " an object", body -> Bodies.with(body, field, Map.of("v", 1)), field));
        }));
        tests.add(broken(Target.AUTHORIZATION, "unknown field", body -> Bodies.with(body, "bogus", 1), "bogus"));
        tests.add(broken(Target.PAYMENT, "unknown field", body -> Bodies.with(body, "bogus", 1), "bogus"));
        for (Object bad : List.of("12345", "1234567", "12345a", "", 123456)) {
            tests.add(broken(Target.AUTHORIZATION, "secureCode " + bad, body -> Bodies.with(body, "secureCode", bad), "secureCode"));
        }
        for (Object bad : List.of(Cards.luhnInvalid(16), "4111", "41111111111a1111", 4111111111111111L)) {
            tests.add(broken(Target.AUTHORIZATION, "accountNumber " + bad, body -> Bodies.with(body, "accountNumber", bad), "accountNumber"));
        }
        for (String field : List.of("perTransactionLimit", "totalLimit", "validitySeconds")) {
            for (Object bad : List.of(0, -1, "100", 10.5, true)) {
                tests.add(broken(Target.AUTHORIZATION, field + " " + bad, body -> Bodies.with(body, field, bad), field));
            }
        }
        tests.add(broken(Target.AUTHORIZATION, "deviceId bad", body -> Bodies.with(body, "deviceId", "a b"), "deviceId"));
        for (Object bad : List.of("1234567", "123456789", "1234567a", 12345678, "")) {
            tests.add(broken(Target.PAYMENT, "securityCode " + bad, body -> Bodies.with(body, "securityCode", bad), "securityCode"));
        }
        for (Object bad : List.of(0, -5, "100", 10.5, true, new java.math.BigInteger("9223372036854775808"))) {
            tests.add(broken(Target.PAYMENT, "amount " + bad, body -> Bodies.with(body, "amount", bad), "amount"));
            tests.add(broken(Target.REFUND, "amount " + bad, body -> Bodies.with(body, "amount", bad), "amount"));
        }
        for (Object bad : List.of("eur", "EURO", "XXX", 978)) {
            tests.add(broken(Target.PAYMENT, "currency " + bad, body -> Bodies.with(body, "currency", bad), "currency"));
        }
        tests.add(broken(Target.PAYMENT, "userId bad", body -> Bodies.with(body, "userId", "../x"), "userId"));
        tests.add(broken(Target.PAYMENT, "order.id missing", body -> Bodies.with(body, "order", Bodies.map("description", "d")), "order.id"));
        tests.add(broken(Target.PAYMENT, "order.id too long", body -> Bodies.with(body, "order", Bodies.map("id", "x".repeat(65))), "order.id"));
        tests.add(broken(Target.PAYMENT, "order.description too long", body -> Bodies.with(body, "order",
                Bodies.map("id", "o", "description", "d".repeat(141))), "order.description"));
        tests.add(broken(Target.PAYMENT, "order not an object", body -> Bodies.with(body, "order", "o-1"), "order"));
        tests.add(broken(Target.REVERSAL, "idempotencyKey too long", body -> Bodies.with(body, "idempotencyKey", "k".repeat(65)), "idempotencyKey"));
        tests.add(broken(Target.REVERSAL, "idempotencyKey empty", body -> Bodies.with(body, "idempotencyKey", ""), "idempotencyKey"));
        return tests.stream();
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> badPathsAndHeadersAre400NamingThem() {
        Fixture f = fixture();
        String body = Bodies.json(Bodies.map("amount", 1));
        return Stream.of(
                dynamicTest("refund without Idempotency-Key", () -> Expect.validation(
                        f.pos().api().post(Endpoint.POS_REFUND.path(f.paymentId()), body), "Idempotency-Key")),
                dynamicTest("refund with a 65-character key", () -> Expect.validation(f.pos().api()
                        .header("Idempotency-Key", "k".repeat(65)).post(Endpoint.POS_REFUND.path(f.paymentId()), body), "Idempotency-Key")),
                dynamicTest("refund of a malformed id", () -> Expect.validation(f.pos().api()
                        .header("Idempotency-Key", "k").post(Endpoint.POS_REFUND.path("a%20b"), body), "id")),
                dynamicTest("reversal of a malformed id", () -> Expect.validation(
                        f.pos().api().send("POST", Endpoint.POS_REVERSE_PAYMENT.path("a%20b"), null, null), "id")),
                dynamicTest("read of a malformed id", () -> Expect.validation(f.pos().api().get(Endpoint.POS_PAYMENT.path("a%20b")), "id")),
                dynamicTest("revocation of a malformed id", () -> Expect.validation(
                        f.payer().api().delete(Endpoint.REVOKE_OFFLINE_AUTHORIZATION.path("a%20b")), "id")));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noBrokenRequestChangedAnything() {
        Fixture f = fixture();
        assertEquals(f.balance(), f.payer().balance());
        JsonNode authorizations = Expect.ok(f.payer().api().get(Endpoint.MY_OFFLINE_AUTHORIZATIONS.path()));
        assertEquals(1, authorizations.path("items").size(), authorizations::toString);
        assertEquals(200_000 - 1_000, f.payer().authorizationNow().path("remainingLimit").asLong());
        JsonNode payment = Expect.ok(f.pos().get(f.paymentId()));
        assertEquals(0, payment.path("refundedAmount").asLong(), payment::toString);
        assertEquals("APPROVED", payment.path("status").asText(), payment::toString);
        JsonNode history = Expect.ok(f.payer().api().get(Endpoint.MY_PAYMENTS.path()));
        assertEquals(1, history.path("items").size(), history::toString);
    }
}
