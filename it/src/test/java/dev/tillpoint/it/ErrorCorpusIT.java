package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * DESIGN.md "Errors": a corpus of broken requests, each sent with the right role, each answered
 * with a 4xx problem+json whose status member equals the HTTP status, with a stable code and no
 * trace of the implementation; 400s are VALIDATION_FAILED with an errors array naming the field.
 * The last test proves that no broken request created anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErrorCorpusIT extends DeployedEar {

    /** Over DESIGN.md's 1 MiB default limit ("Errors"). */
    private static final int OVERSIZED_BYTES = 1024 * 1024 + 1024;

    private static final List<String> MALFORMED_JSON = List.of("{", "[]", "\"str\"", "null", "", "{\"a\":1}{\"b\":2}",
            "{\"name\":\"x\",}", "{'name':'x'}", "{\"name\":\"x\"", "]");

    private static final List<String> BAD_IDS = List.of("a b", "x".repeat(65), "../x", "", "é", "a/b", "<script>");

    /** Page limits outside 1..200 or not plain decimal digits. */
    private static final List<String> BAD_LIMITS = List.of("0", "201", "-1", "abc", "", " ", "1.5", "1e2", "+5", " 5",
            "0x10", "2147483648", "99999999999999999999", "５", "50abc");

    /** Cursors no list ever handed out: empty, not URL-safe Base64, too short to be signed, too long. */
    private static final List<String> BAD_CURSORS = List.of("", " ", "not-a-cursor", "a", "AAAA", "====", "+/+/", "%",
            "A".repeat(600), "é");

    /** Ids and card numbers that broken requests carried, by target: none may exist afterwards. */
    private static final Map<Target, Set<String>> CARRIED = new EnumMap<>(Target.class);

    /** The endpoints that read a body, with a fresh valid body each and their fields by kind. */
    private enum Target {
        CUSTOMER(Endpoint.CREATE_CUSTOMER, "id", List.of("name"), List.of("id"), List.of()),
        ACCOUNT(Endpoint.CREATE_ACCOUNT, "accountNumber", List.of("customerId", "accountNumber", "currency", "pin"),
                List.of(), List.of("openingBalance")),
        MERCHANT(Endpoint.CREATE_MERCHANT, "id", List.of("name", "currency"), List.of("id"), List.of()),
        TERMINAL(Endpoint.CREATE_TERMINAL, "id", List.of("id"), List.of(), List.of());

        final Endpoint endpoint;
        /** The field whose value, once created, can never be created again (409). */
        final String identity;
        final List<String> requiredStrings;
        final List<String> optionalStrings;
        final List<String> integers;

        Target(Endpoint endpoint, String identity, List<String> requiredStrings, List<String> optionalStrings, List<String> integers) {
            this.endpoint = endpoint;
            this.identity = identity;
            this.requiredStrings = requiredStrings;
            this.optionalStrings = optionalStrings;
            this.integers = integers;
        }

        String path() {
            return this == TERMINAL ? endpoint.path(Callers.in("merchant")) : endpoint.path();
        }

        /** A fresh body that would be created as it is. */
        Map<String, Object> validBody() {
            Map<String, Object> body = switch (this) {
                case CUSTOMER -> Bodies.map("id", Api.uniqueId("cust"), "name", "Corpus Customer");
                case ACCOUNT -> Bank.accountBody(Callers.in("customer"), Cards.luhnValid(16), "EUR", 500, Bank.PIN);
                case MERCHANT -> Bodies.map("id", Api.uniqueId("merch"), "name", "Corpus Merchant", "currency", "EUR");
                case TERMINAL -> Bodies.map("id", Api.uniqueId("term"));
            };
            carry(body);
            return body;
        }

        List<String> stringFields() {
            return Stream.concat(requiredStrings.stream(), optionalStrings.stream()).toList();
        }

        List<String> requiredFields() {
            return Stream.concat(requiredStrings.stream(), integers.stream()).toList();
        }

        Answer post(Map<String, Object> body) {
            carry(body);
            return Api.admin().post(path(), Bodies.json(body));
        }

        Answer send(String rawBody, String contentType) {
            return Api.admin().send("POST", path(), rawBody, contentType);
        }

        private void carry(Map<String, Object> body) {
            Object value = body.get(identity);
            if (value instanceof String || value instanceof Number) {
                String text = String.valueOf(value);
                boolean creatable = this == ACCOUNT
                        ? text.length() >= 12 && text.length() <= 19 && Cards.isLuhnValid(text)
                        : Expect.ID.matcher(text).matches();
                if (creatable) {
                    synchronized (CARRIED) {
                        CARRIED.computeIfAbsent(this, t -> new LinkedHashSet<>()).add(text);
                    }
                }
            }
        }
    }

    /** A request to a given path (no body when null) as the real caller in {@code role}. */
    private record Call(String role, String method, String path, String body) {
        Answer send() {
            return Callers.as(role).send(method, path, body, body == null ? null : "application/json");
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + role;
        }
    }

    private static DynamicTest brokenBody(Target target, String description, Map<String, Object> body, String... fields) {
        return dynamicTest(target + ": " + description, () -> Expect.validation(target.post(body), fields));
    }

    /** One broken body per value of {@code field}, each answered 400 naming the field. */
    private static Stream<DynamicTest> badValues(Target target, String field, Object... values) {
        Map<String, Object> valuesByDescription = new LinkedHashMap<>();
        for (Object value : values) {
            valuesByDescription.put("= " + Bodies.show(String.valueOf(value)), value);
        }
        return badValues(target, field, valuesByDescription);
    }

    private static Stream<DynamicTest> badValues(Target target, String field, Map<String, Object> valuesByDescription) {
        return valuesByDescription.entrySet().stream().map(value -> brokenBody(target, field + " " + value.getKey(),
                Bodies.with(target.validBody(), field, value.getValue()), field));
    }

    private static Stream<Target> targets() {
        return Arrays.stream(Target.values());
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> malformedJsonIs400() {
        return targets().flatMap(target -> MALFORMED_JSON.stream().map(raw -> dynamicTest(target + ": body " + Bodies.show(raw),
                () -> Expect.validation(target.send(raw, "application/json")))));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> wrongTypesAre400NamingTheField() {
        return targets().flatMap(target -> Stream.concat(
                target.stringFields().stream().flatMap(field -> badValues(target, field, Bodies.map(
                        "is a number", numberFor(field), "is a boolean", true,
                        "is an array", List.of("x"), "is an object", Map.of("value", "x")))),
                target.integers.stream().flatMap(field -> badValues(target, field, Bodies.map(
                        "is a numeric string", "12", "is a float", 10.5, "is a string", "abc", "is a boolean", true,
                        "is an array", List.of(1), "is an object", Map.of("value", 1))))));
    }

    /** A number that a lenient parser would turn into a valid string for the field. */
    private static Object numberFor(String field) {
        return switch (field) {
            case "accountNumber" -> Long.parseLong(Cards.luhnValid(16));
            case "pin" -> 135790;
            case "currency" -> 978;
            case "id" -> 100_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000_000L);
            default -> 12345;
        };
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> missingOrNullRequiredFieldsAre400NamingTheField() {
        return targets().flatMap(target -> Stream.concat(
                target.requiredFields().stream().flatMap(field -> Stream.of(
                        brokenBody(target, field + " missing", Bodies.without(target.validBody(), field), field),
                        brokenBody(target, field + " null", Bodies.with(target.validBody(), field, null), field))),
                Stream.of(brokenBody(target, "empty object", new LinkedHashMap<>(),
                        target.requiredFields().toArray(String[]::new)))));
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> valuesOutOfRangeAndOverLongStringsAre400NamingTheField() {
        BigInteger twoTo63 = BigInteger.TWO.pow(63);
        return Stream.of(
                badValues(Target.ACCOUNT, "openingBalance", -1, Long.MIN_VALUE, twoTo63, twoTo63.negate().subtract(BigInteger.ONE)),
                badValues(Target.ACCOUNT, "pin", "12345", "1234567", "12345a", "", "１２３４５６", "1".repeat(1000)),
                badValues(Target.ACCOUNT, "currency", "XXX", "EURO", "", "E".repeat(1000)),
                badValues(Target.ACCOUNT, "accountNumber", Cards.luhnValid(11), Cards.luhnValid(20), Cards.luhnInvalid(16),
                        Cards.luhnInvalid(12), Cards.luhnInvalid(19), "41111111111a1111", "", "4".repeat(1000)),
                badValues(Target.CUSTOMER, "name", "", "n".repeat(10_000)),
                badValues(Target.MERCHANT, "name", "", "n".repeat(10_000)),
                badValues(Target.MERCHANT, "currency", "XXX", "EURO", "", "E".repeat(1000)))
                .flatMap(tests -> tests);
    }

    @TestFactory
    @Order(5)
    Stream<DynamicTest> badIdsInTheBodyAre400NamingTheField() {
        return Stream.of(
                badValues(Target.CUSTOMER, "id", BAD_IDS.toArray()),
                badValues(Target.MERCHANT, "id", BAD_IDS.toArray()),
                badValues(Target.TERMINAL, "id", BAD_IDS.toArray()),
                badValues(Target.ACCOUNT, "customerId", BAD_IDS.toArray()))
                .flatMap(tests -> tests);
    }

    @TestFactory
    @Order(6)
    Stream<DynamicTest> badIdsInThePathAre400Or404() {
        return BAD_IDS.stream().filter(id -> !id.isEmpty()).flatMap(bad -> {
            String segment = URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20");
            String name = " " + Bodies.show(bad);
            return Stream.of(
                    dynamicTest("unlock account" + name, () -> Expect.problemOneOf(Bank.unlock(segment), 400, 404)),
                    dynamicTest("read customer" + name, () -> Expect.problemOneOf(
                            Api.admin().get(Endpoint.READ_CUSTOMER.path(segment)), 400, 404)),
                    dynamicTest("read account" + name, () -> Expect.problemOneOf(
                            Api.admin().get(Endpoint.READ_ACCOUNT.path(segment)), 400, 404)),
                    dynamicTest("read merchant" + name, () -> Expect.problemOneOf(
                            Api.admin().get(Endpoint.READ_MERCHANT.path(segment)), 400, 404)),
                    dynamicTest("terminal of merchant" + name, () -> Expect.problemOneOf(
                            Bank.postTerminal(segment, Api.uniqueId("term")), 400, 404)),
                    dynamicTest("deactivate terminal" + name, () -> Expect.problemOneOf(
                            Bank.deactivate(Callers.in("merchant"), segment), 400, 404)),
                    dynamicTest("deactivate terminal of merchant" + name, () -> Expect.problemOneOf(
                            Bank.deactivate(segment, Bank.terminal(Callers.in("merchant"))), 400, 404)));
        });
    }

    @TestFactory
    @Order(7)
    Stream<DynamicTest> unknownFieldsAre400NamingTheField() {
        return Stream.concat(
                targets().map(target -> brokenBody(target, "unknown field", Bodies.with(target.validBody(), "bogus", 1), "bogus")),
                Stream.of(brokenBody(Target.ACCOUNT, "client-chosen balance",
                        Bodies.with(Target.ACCOUNT.validBody(), "balance", 100_000_000), "balance")));
    }

    @TestFactory
    @Order(8)
    Stream<DynamicTest> duplicateKeysAre400() {
        return targets().flatMap(target -> target.requiredFields().stream().map(field -> {
            Object other = switch (field) {
                case "currency" -> "USD";
                case "openingBalance" -> -1;
                case "name" -> "Other Name";
                case "pin" -> "135791";
                case "customerId" -> Api.uniqueId("nobody");
                default -> target.validBody().get(field);
            };
            String raw = Bodies.withDuplicateKey(target.validBody(), field, other);
            return dynamicTest(target + ": " + field + " twice", () -> Expect.validation(target.send(raw, "application/json")));
        }));
    }

    @TestFactory
    @Order(9)
    Stream<DynamicTest> otherMediaTypesAre415AndAMissingOneIs400Or415() {
        return targets().flatMap(target -> Stream.of(
                dynamicTest(target + ": text/plain", () -> Expect.problem(
                        target.send(Bodies.json(target.validBody()), "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE")),
                dynamicTest(target + ": application/xml", () -> Expect.problem(
                        target.send("<request><name>x</name></request>", "application/xml"), 415, "UNSUPPORTED_MEDIA_TYPE")),
                dynamicTest(target + ": form", () -> Expect.problem(
                        target.send("name=x&id=" + Api.uniqueId("form"), "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE")),
                dynamicTest(target + ": no Content-Type", () -> Expect.problemOneOf(
                        target.send(Bodies.json(target.validBody()), null), 400, 415))));
    }

    @TestFactory
    @Order(10)
    Stream<DynamicTest> acceptingOnlyXmlGets406OrJson() {
        return Arrays.stream(Endpoint.values()).map(endpoint -> dynamicTest(endpoint.toString(), () -> {
            Answer answer = sendValid(endpoint, Callers.as(endpoint.role).header("Accept", "application/xml"));
            if (answer.status() == 406) {
                Expect.problemOneOf(answer, 406);
            } else {
                assertTrue(answer.status() >= 200 && answer.status() < 300, () -> "neither 2xx nor 406: " + Expect.describe(answer));
                assertTrue(answer.status() == 204 || Expect.isJson(answer), () -> "not JSON: " + Expect.describe(answer));
            }
        }));
    }

    /** A valid offline-payment request as the real caller of the endpoint's role, on fresh data. */
    private static Answer sendValidPayment(Endpoint endpoint, Api caller) {
        String customer = Callers.in("customer");
        String card = Cards.luhnValid(16);
        Bank.account(customer, card, "EUR", 10_000, Bank.PIN);
        String authorization = Bodies.json("accountNumber", card, "secureCode", Bank.PIN, "deviceId", Api.uniqueId("phone"));
        if (endpoint == Endpoint.CREATE_OFFLINE_AUTHORIZATION) {
            return caller.post(endpoint.path(), authorization);
        }
        JsonNode created = Expect.created(Callers.as("customer").post(Endpoint.CREATE_OFFLINE_AUTHORIZATION.path(), authorization));
        if (endpoint == Endpoint.REVOKE_OFFLINE_AUTHORIZATION) {
            return caller.delete(endpoint.path(created.get("id").asText()));
        }
        String code = dev.tillpoint.payments.codes.Totp.code(
                dev.tillpoint.payments.codes.Base32.decode(created.path("code").path("secret").asText()),
                dev.tillpoint.payments.codes.Totp.stepAt(java.time.Instant.now()));
        String payment = Bodies.json(Pos.paymentBody(customer, code, 100, "EUR"));
        if (endpoint == Endpoint.POS_PAY) {
            return caller.header("Idempotency-Key", Api.uniqueId("key")).post(endpoint.path(), payment);
        }
        if (endpoint == Endpoint.POS_REVERSE_BY_KEY) {
            return caller.post(endpoint.path(), Bodies.json("idempotencyKey", Api.uniqueId("key")));
        }
        String paymentId = Expect.created(Callers.as("pos").header("Idempotency-Key", Api.uniqueId("key"))
                .post(Endpoint.POS_PAY.path(), payment)).get("id").asText();
        return switch (endpoint) {
            case POS_PAYMENT -> caller.get(endpoint.path(paymentId));
            case POS_REVERSE_PAYMENT -> caller.send("POST", endpoint.path(paymentId), null, null);
            default -> caller.header("Idempotency-Key", Api.uniqueId("key")).post(endpoint.path(paymentId),
                    Bodies.json("amount", 10));
        };
    }

    /** A valid request to {@code endpoint} on real data (not carried: it may well succeed). */
    private static Answer sendValid(Endpoint endpoint, Api caller) {
        String merchant = Callers.in("merchant");
        return switch (endpoint) {
            case CREATE_CUSTOMER -> caller.post(endpoint.path(), Bodies.json("id", Api.uniqueId("cust"), "name", "Xml Customer"));
            case READ_CUSTOMER -> caller.get(endpoint.path(Callers.in("customer")));
            case READ_ACCOUNT -> caller.get(endpoint.path(Bank.account(Callers.in("customer")).get("id").asText()));
            case READ_MERCHANT -> caller.get(endpoint.path(merchant));
            case CREATE_ACCOUNT -> caller.post(endpoint.path(), Bodies.json(
                    Bank.accountBody(Callers.in("customer"), Cards.luhnValid(16), "EUR", 100, Bank.PIN)));
            case UNLOCK_ACCOUNT -> caller.send("POST", endpoint.path(Bank.account(Callers.in("customer")).get("id").asText()), null, null);
            case CODE_UNLOCK -> caller.send("POST", endpoint.path(Callers.in("customer")), null, null);
            case CREATE_MERCHANT -> caller.post(endpoint.path(), Bodies.json("id", Api.uniqueId("merch"), "name", "Xml Merchant", "currency", "EUR"));
            case CREATE_TERMINAL -> caller.post(endpoint.path(merchant), Bodies.json("id", Api.uniqueId("term")));
            case DEACTIVATE_TERMINAL -> caller.delete(endpoint.path(merchant, Bank.terminal(merchant)));
            case CREATE_OFFLINE_AUTHORIZATION, REVOKE_OFFLINE_AUTHORIZATION, POS_PAY, POS_PAYMENT, POS_REVERSE_PAYMENT,
                    POS_REFUND, POS_REVERSE_BY_KEY -> sendValidPayment(endpoint, caller);
            // Content negotiation answers before the run starts or the batch is looked up.
            case RUN_SETTLEMENT -> caller.send("POST", endpoint.path(), null, null);
            case MY_SETTLEMENT -> caller.get(endpoint.path(Api.uniqueId("stl")));
            case REGISTER_BEACON -> caller.post(endpoint.path(), Bodies.json(Beacons.body(Beacons.newId())));
            case READ_BEACON, BEACON_STATS -> caller.get(endpoint.path(Beacons.register()));
            case REPLACE_BEACON_PAGE -> caller.put(endpoint.path(Beacons.register()),
                    Bodies.json(Beacons.page("https://shop.example/xml", "Xml")));
            case DEACTIVATE_BEACON -> caller.delete(endpoint.path(Beacons.register()));
            case TRIGGER_BEACON -> caller.post(endpoint.path(Beacons.register()), Bodies.json("durationSeconds", 60));
            case BEACON_SIGHTING -> {
                String beacon = Beacons.register();
                Beacons.trigger(beacon, 60);
                yield caller.post(endpoint.path(), Bodies.json("beaconId", beacon, "rssi", -60));
            }
            case ACK_INSTRUCTION -> {
                String beacon = Beacons.register();
                String instruction = Beacons.trigger(beacon, 60).get("instructionId").asText();
                BeaconsIT.awaitInstruction(beacon, instruction);
                yield Api.as(beacon, "device").header("Accept", "application/xml")
                        .send("POST", endpoint.path(instruction), null, null);
            }
            case CREATE_GROUP, CREATE_POST, INTERACT, ADD_GROUP_MEMBER, LEAVE_GROUP, REPLACE_FEED_POLICY, ACCEPT_INVITATION,
                    DECLINE_INVITATION ->
                    Feeds.sendValid(endpoint, caller, Callers.in("customer"));
            default -> caller.get(endpoint.path());
        };
    }

    @TestFactory
    @Order(11)
    Stream<DynamicTest> bodiesOver1MiBAre413() {
        String admin = "Bearer " + Api.tokens().mint("it-admin", "admin", 600);
        return targets().flatMap(target -> Stream.of(
                dynamicTest(target + ": 1 MiB + 1 KiB with Content-Length", () -> Expect.problem(
                        target.send(Bodies.paddedTo(target.validBody(), OVERSIZED_BYTES), "application/json"), 413, "PAYLOAD_TOO_LARGE")),
                dynamicTest(target + ": 1 MiB + 1 KiB chunked", () -> Expect.problem(RawHttp.chunked("POST", target.path(), admin,
                        Bodies.paddedTo(target.validBody(), OVERSIZED_BYTES), "application/json"), 413, "PAYLOAD_TOO_LARGE"))));
    }

    @TestFactory
    @Order(12)
    Stream<DynamicTest> unknownPathsAre404() {
        return Stream.of(
                new Call("admin", "GET", "/api/v1/no-such-resource", null),
                new Call("admin", "POST", "/api/v1/no-such-resource", "{}"),
                new Call("admin", "GET", "/api/v1/admin/no-such-resource", null),
                new Call("admin", "POST", Endpoint.CREATE_CUSTOMER.path() + "/" + Api.uniqueId("cust") + "/no-such-resource", "{}"),
                new Call("admin", "DELETE", Endpoint.DEACTIVATE_TERMINAL.samplePath() + "/no-such-resource", null),
                new Call("customer", "GET", Endpoint.MY_ACCOUNTS.path() + "/" + Api.uniqueId("acct") + "/no-such-resource", null),
                new Call("pos", "GET", "/api/v1/pos/no-such-resource", null))
                .map(call -> dynamicTest(call.toString(), () -> Expect.problem(call.send(), 404, "NOT_FOUND")));
    }

    @TestFactory
    @Order(13)
    Stream<DynamicTest> wrongMethodsAre405() {
        return Stream.of(
                new Call("admin", "PUT", Endpoint.CREATE_CUSTOMER.path(), "{}"),
                new Call("admin", "DELETE", Endpoint.CREATE_CUSTOMER.path(), null),
                new Call("admin", "PATCH", Endpoint.CREATE_ACCOUNT.path(), "{}"),
                new Call("admin", "PUT", Endpoint.READ_CUSTOMER.samplePath(), "{}"),
                new Call("admin", "DELETE", Endpoint.READ_CUSTOMER.samplePath(), null),
                new Call("admin", "POST", Endpoint.READ_ACCOUNT.samplePath(), "{}"),
                new Call("admin", "DELETE", Endpoint.READ_ACCOUNT.samplePath(), null),
                new Call("admin", "PUT", Endpoint.READ_MERCHANT.samplePath(), "{}"),
                new Call("admin", "POST", Endpoint.READ_MERCHANT.samplePath(), "{}"),
                new Call("admin", "GET", Endpoint.UNLOCK_ACCOUNT.samplePath(), null),
                new Call("admin", "DELETE", Endpoint.UNLOCK_ACCOUNT.samplePath(), null),
                new Call("admin", "PUT", Endpoint.CREATE_MERCHANT.path(), "{}"),
                new Call("admin", "PUT", Endpoint.CREATE_TERMINAL.path(Callers.in("merchant")), "{}"),
                new Call("admin", "POST", Endpoint.TRIAL_BALANCE.path(), "{}"),
                new Call("admin", "DELETE", Endpoint.TRIAL_BALANCE.path(), null),
                new Call("customer", "DELETE", Endpoint.MY_ACCOUNTS.path(), null),
                new Call("customer", "PUT", Endpoint.MY_ACCOUNTS.path(), "{}"),
                new Call("pos", "DELETE", Endpoint.MY_TERMINAL.path(), null),
                new Call("pos", "POST", Endpoint.MY_TERMINAL.path(), "{}"),
                new Call("merchant", "DELETE", Endpoint.MERCHANT_TERMINALS.path(), null),
                new Call("merchant", "PUT", Endpoint.MERCHANT_TERMINALS.path(), "{}"))
                .map(call -> dynamicTest(call.toString(), () -> Expect.problem(call.send(), 405, "METHOD_NOT_ALLOWED")));
    }

    /**
     * Every path of the contract answers every method it does not offer with 405, whatever
     * feature added it: the methods offered are those of its entries in {@link Endpoint}.
     */
    @TestFactory
    @Order(13)
    Stream<DynamicTest> everyContractPathAnswersTheMethodsItDoesNotOfferWith405() {
        Map<String, Set<String>> offered = new LinkedHashMap<>();
        Map<String, Endpoint> sample = new LinkedHashMap<>();
        for (Endpoint endpoint : Endpoint.values()) {
            offered.computeIfAbsent(endpoint.template, template -> new LinkedHashSet<>()).add(endpoint.method);
            sample.putIfAbsent(endpoint.template, endpoint);
        }
        return offered.entrySet().stream().flatMap(path -> Stream.of("GET", "POST", "PUT", "DELETE", "PATCH")
                .filter(method -> !path.getValue().contains(method))
                .map(method -> {
                    Endpoint endpoint = sample.get(path.getKey());
                    boolean withBody = !"GET".equals(method) && !"DELETE".equals(method);
                    Call call = new Call(endpoint.role, method, endpoint.samplePath(), withBody ? "{}" : null);
                    return dynamicTest(method + " " + path.getKey(), () -> Expect.problem(call.send(), 405, "METHOD_NOT_ALLOWED"));
                }));
    }

    @TestFactory
    @Order(14)
    Stream<DynamicTest> badPagingParametersAre400NamingTheParameter() {
        return Arrays.stream(Endpoint.values()).filter(Endpoint::pages).flatMap(list -> Stream.concat(
                BAD_LIMITS.stream().map(limit -> dynamicTest(list + ": limit " + Bodies.show(limit), () -> Expect.validation(
                        Callers.as(list.role).get(list.pagePath(limit, null)), "limit"))),
                BAD_CURSORS.stream().map(cursor -> dynamicTest(list + ": cursor " + Bodies.show(cursor), () -> Expect.validation(
                        Callers.as(list.role).get(list.pagePath(null, cursor)), "cursor")))));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheCorpusTheLedgerIsBalancedAndNoBrokenRequestCreatedAnything() {
        JsonNode trialBalance = Bank.trialBalance();
        assertTrue(trialBalance.path("balanced").isBoolean() && trialBalance.get("balanced").asBoolean(),
                () -> "trial balance: " + trialBalance);

        List<Executable> checks = new ArrayList<>();
        String merchant = Callers.in("merchant");
        String customer = Callers.in("customer");
        Map<Target, Set<String>> carried;
        synchronized (CARRIED) {
            carried = new EnumMap<>(CARRIED);
        }
        carried.forEach((target, values) -> values.forEach(value -> checks.add(() -> {
            Answer answer = switch (target) {
                case CUSTOMER -> Bank.postCustomer(value, "After Corpus");
                case MERCHANT -> Bank.postMerchant(value, "After Corpus", "EUR");
                case TERMINAL -> Bank.postTerminal(merchant, value);
                case ACCOUNT -> Bank.postAccount(Bank.accountBody(customer, value, "EUR", 0, Bank.PIN));
            };
            assertEquals(201, answer.status(), () -> "a broken request created " + target + " " + value + ": "
                    + Expect.describe(answer));
        })));
        assertTrue(checks.size() > 50, () -> "too few carried ids to prove anything: " + carried);
        assertAll(checks);
    }
}
