package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md "Architecture" (security) and "Errors" (auth): every endpoint refuses a missing or
 * bad token with 401 and a valid token of another role with 403, both before the body is read;
 * the caller's identity is the token's principal name, never the body or the query.
 */
class SecurityIT extends DeployedEar {

    private static final List<String> BROKEN_BODIES = List.of("{", "[]", "", "{\"bogus\":1}");

    @TestFactory
    Stream<DynamicContainer> everyEndpointAnswers401ToAMissingOrBadToken() {
        return Arrays.stream(Endpoint.values()).map(endpoint -> dynamicContainer(endpoint.toString(),
                Tokens.refused(Callers.in(endpoint.role), endpoint.role).entrySet().stream()
                        .map(token -> dynamicTest(token.getKey(), () -> Expect.problem(
                                endpoint.sendSample(Api.withAuthorization(token.getValue())), 401, "UNAUTHORIZED")))));
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointAnswers403ToEveryOtherRoleOrGroup() {
        return Arrays.stream(Endpoint.values()).map(endpoint -> dynamicContainer(endpoint.toString(),
                Stream.concat(
                        Endpoint.ROLES.stream().filter(role -> !role.equals(endpoint.role))
                                .map(role -> dynamicTest("as " + role, () -> Expect.problem(
                                        endpoint.sendSample(Callers.as(role)), 403, "FORBIDDEN"))),
                        Stream.of(
                                dynamicTest("in an unknown group", () -> Expect.problem(
                                        endpoint.sendSample(inGroups(endpoint, List.of("superuser"))), 403, "FORBIDDEN")),
                                dynamicTest("in the right group spelt in upper case", () -> Expect.problem(
                                        endpoint.sendSample(inGroups(endpoint, List.of(endpoint.role.toUpperCase(Locale.ROOT)))), 403, "FORBIDDEN")),
                                dynamicTest("without a groups claim", () -> Expect.problemOneOf(
                                        endpoint.sendSample(inGroups(endpoint, null)), 401, 403))))));
    }

    /** The endpoint's real caller with these groups instead of its role (null: no groups claim). */
    private static Api inGroups(Endpoint endpoint, List<String> groups) {
        Map<String, Object> claims = Tokens.claims(Callers.in(endpoint.role), endpoint.role);
        return Api.withAuthorization(Tokens.bearer(groups == null ? Bodies.without(claims, "groups") : Bodies.with(claims, "groups", groups)));
    }

    @TestFactory
    Stream<DynamicContainer> authenticationAndRoleComeBeforeTheBody() {
        return Arrays.stream(Endpoint.values()).filter(Endpoint::takesBody).map(endpoint -> dynamicContainer(endpoint.toString(),
                BROKEN_BODIES.stream().flatMap(body -> Stream.of(
                        dynamicTest("no token, body " + Bodies.show(body), () -> Expect.problem(
                                endpoint.sendSample(Api.anonymous(), body), 401, "UNAUTHORIZED")),
                        dynamicTest("expired token, body " + Bodies.show(body), () -> Expect.problem(
                                endpoint.sendSample(Api.withAuthorization(Tokens.expired("it-admin", "admin")), body), 401, "UNAUTHORIZED")),
                        dynamicTest("wrong-role token, body " + Bodies.show(body), () -> Expect.problem(
                                endpoint.sendSample(Callers.as(otherRole(endpoint)), body), 403, "FORBIDDEN"))))));
    }

    /** A role the endpoint refuses: customer, unless the endpoint is the customer's. */
    private static String otherRole(Endpoint endpoint) {
        return endpoint.role.equals("customer") ? "merchant" : "customer";
    }

    /** Two customers with one account each. */
    private record TwoCustomers(String alice, String bob, String alicesAccount, String bobsAccount) {
        static TwoCustomers create() {
            String alice = Bank.customer();
            String bob = Bank.customer();
            return new TwoCustomers(alice, bob, Bank.account(alice).get("id").asText(), Bank.account(bob).get("id").asText());
        }
    }

    @Test
    void aCustomerSeesOnlyTheirOwnAccounts() {
        TwoCustomers two = TwoCustomers.create();
        String accounts = Endpoint.MY_ACCOUNTS.path();

        assertOnlyAccounts(Api.as(two.alice, "customer").get(accounts), two.alicesAccount, two.bobsAccount);
        assertOnlyAccounts(Api.as(two.bob, "customer").get(accounts), two.bobsAccount, two.alicesAccount);
        assertOnlyAccounts(Api.as(two.alice, "customer").get(accounts + "?customerId=" + two.bob), two.alicesAccount, two.bobsAccount);
        JsonNode none = Expect.ok(Api.as(Bank.customer(), "customer").get(accounts));
        assertEquals(List.of(), Bank.itemIds(none), () -> "a customer without accounts: " + none);
    }

    @Test
    void theCallerIsTheTokensPrincipalNameUpnThenPreferredUsernameThenSub() {
        TwoCustomers two = TwoCustomers.create();
        Map<String, Object> bobsClaims = Tokens.claims(two.bob, "customer");

        Map<String, Object> upnAlice = Bodies.with(bobsClaims, "upn", two.alice);
        Map<String, Object> preferredAlice = Bodies.with(Bodies.without(bobsClaims, "upn"), "preferred_username", two.alice);
        Map<String, Object> subjectOnly = Bodies.without(bobsClaims, "upn");

        assertOnlyAccounts(withClaims(upnAlice), two.alicesAccount, two.bobsAccount);
        assertOnlyAccounts(withClaims(preferredAlice), two.alicesAccount, two.bobsAccount);
        assertOnlyAccounts(withClaims(subjectOnly), two.bobsAccount, two.alicesAccount);
    }

    private static Api.Answer withClaims(Map<String, Object> claims) {
        return Api.withAuthorization(Tokens.bearer(claims)).get(Endpoint.MY_ACCOUNTS.path());
    }

    private static void assertOnlyAccounts(Api.Answer answer, String own, String foreign) {
        JsonNode accounts = Expect.ok(answer);
        List<String> ids = Bank.itemIds(accounts);
        assertTrue(ids.contains(own), () -> "own account " + own + " missing: " + Expect.describe(answer));
        assertFalse(ids.contains(foreign), () -> "another customer's account " + foreign + " shown: " + Expect.describe(answer));
        accounts.get("items").forEach(item -> assertTrue(item.path("id").isTextual()
                && item.path("accountNumberMasked").isTextual() && item.path("currency").isTextual()
                && item.path("balance").isIntegralNumber(), () -> "item is not {id, accountNumberMasked, currency, balance}: " + item));
    }

    @Test
    void aPosTokenOfNoRegisteredTerminalIsForbidden() {
        String merchant = Bank.merchant();
        for (String notATerminal : List.of(Api.uniqueId("term"), merchant, Bank.customer())) {
            Expect.problem(Bank.atPos(notATerminal), 403, "FORBIDDEN");
        }
    }

    @Test
    void aTerminalIsKnownAtThePosUntilItIsDeactivated() {
        String merchant = Bank.merchant();
        String terminal = Bank.terminal(merchant);

        JsonNode me = Expect.ok(Bank.atPos(terminal));
        assertEquals(terminal, me.path("id").asText(), me::toString);
        assertEquals(merchant, me.path("merchantId").asText(), me::toString);
        assertTrue(me.path("active").isBoolean() && me.get("active").booleanValue(), me::toString);

        Expect.noContent(Bank.deactivate(merchant, terminal));
        Expect.problem(Bank.atPos(terminal), 403, "FORBIDDEN");
    }

    @Test
    void aMerchantSeesOnlyItsOwnTerminals() {
        String merchant = Bank.merchant();
        String other = Bank.merchant();
        String first = Bank.terminal(merchant);
        String second = Bank.terminal(merchant);
        String foreign = Bank.terminal(other);

        Api.Answer answer = Api.as(merchant, "merchant").get(Endpoint.MERCHANT_TERMINALS.path());
        List<String> ids = Bank.itemIds(Expect.ok(answer));
        assertTrue(ids.containsAll(List.of(first, second)), () -> "own terminals missing: " + Expect.describe(answer));
        assertFalse(ids.contains(foreign), () -> "another merchant's terminal shown: " + Expect.describe(answer));
    }
}
