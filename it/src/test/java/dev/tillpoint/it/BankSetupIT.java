package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillpoint.it.Api.Answer;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md "Offline payments", admin set-up: customers, accounts (Luhn-valid cards shown only
 * masked, opening balance posted through the ledger), unlock, merchants and terminals, and the
 * trial balance; and the admin reading back what it set up, at the Location of each 201.
 */
class BankSetupIT extends DeployedEar {

    @Test
    void theTestsLuhnGeneratorAgreesWithKnownCardNumbers() {
        assertAll(
                () -> assertTrue(Cards.isLuhnValid("4111111111111111")),
                () -> assertTrue(Cards.isLuhnValid("378282246310005")),
                () -> assertTrue(Cards.isLuhnValid("79927398713")),
                () -> assertFalse(Cards.isLuhnValid("79927398710")),
                () -> assertFalse(Cards.isLuhnValid("4111111111111112")),
                () -> IntStream.rangeClosed(12, 19).forEach(length -> {
                    assertTrue(Cards.isLuhnValid(Cards.luhnValid(length)));
                    assertFalse(Cards.isLuhnValid(Cards.luhnInvalid(length)));
                    assertEquals(length, Cards.luhnValid(length).length());
                }));
    }

    @Test
    void aCustomerIsCreatedWithTheGivenId() {
        String id = Api.uniqueId("cust");
        JsonNode customer = Bank.createCustomer(id, "Alice Example");
        assertEquals(id, customer.path("id").asText(), customer::toString);
        assertEquals("Alice Example", customer.path("name").asText(), customer::toString);
    }

    @Test
    void aCustomerWithoutAnIdGetsAGeneratedOneThatWorksAsAReference() {
        JsonNode first = Bank.createCustomer(null, "Anonymous One");
        JsonNode second = Bank.createCustomer(null, "Anonymous Two");
        String id = first.path("id").asText();
        assertTrue(Expect.ID.matcher(id).matches(), () -> "generated id does not match [A-Za-z0-9_-]{1,64}: " + first);
        assertNotEquals(id, second.path("id").asText(), () -> "generated ids repeat: " + first + " " + second);
        assertEquals("Anonymous One", first.path("name").asText(), first::toString);
        assertEquals(id, Bank.account(id).path("customerId").asText());
    }

    @Test
    void aDuplicateCustomerIdIs409() {
        String id = Bank.customer();
        Expect.problem(Bank.postCustomer(id, "Someone Else"), 409, "DUPLICATE");
    }

    @ParameterizedTest(name = "{0}-digit card")
    @ValueSource(ints = {12, 13, 14, 15, 16, 17, 18, 19})
    void anAccountWithALuhnValidCardIsCreatedAndOnlyEverShownMasked(int length) {
        String customer = Bank.customer();
        String card = Cards.luhnValid(length);
        Answer created = Bank.postAccount(Bank.accountBody(customer, card, "EUR", 4_200, Bank.PIN));
        JsonNode account = Expect.created(created);
        assertTrue(account.path("id").isTextual() && !account.path("id").asText().isBlank(), account::toString);
        assertEquals(customer, account.path("customerId").asText(), account::toString);
        assertEquals("EUR", account.path("currency").asText(), account::toString);
        assertBalance(4_200, account);
        assertMasked(card, account);
        assertCardNotIn(card, created);

        Answer listed = Api.as(customer, "customer").get(Endpoint.MY_ACCOUNTS.path());
        JsonNode item = Bank.item(Expect.ok(listed), account.get("id").asText());
        assertNotNull(item, () -> "account missing from GET /accounts: " + Expect.describe(listed));
        assertEquals("EUR", item.path("currency").asText(), item::toString);
        assertBalance(4_200, item);
        assertMasked(card, item);
        assertCardNotIn(card, listed);
    }

    private static void assertMasked(String card, JsonNode account) {
        String masked = account.path("accountNumberMasked").asText();
        assertTrue(masked.endsWith(Cards.lastFour(card)), () -> "masked number does not end in the last 4: " + account);
        assertEquals(Cards.lastFour(card), masked.replaceAll("[^0-9]", ""),
                () -> "masked number shows more than the last 4 digits: " + account);
    }

    private static void assertCardNotIn(String card, Answer answer) {
        assertFalse(answer.body().contains(card), () -> "full card number in the body: " + Expect.describe(answer));
    }

    private static void assertBalance(long expected, JsonNode account) {
        assertTrue(account.path("balance").isIntegralNumber(), () -> "balance is not an integer: " + account);
        assertEquals(expected, account.get("balance").asLong(), account::toString);
    }

    @Test
    void aCardNumberCanBelongToOneAccountOnly() {
        String customer = Bank.customer();
        String card = Cards.luhnValid(16);
        Bank.account(customer, card, "EUR", 100, Bank.PIN);
        for (Answer again : List.of(
                Bank.postAccount(Bank.accountBody(customer, card, "EUR", 100, Bank.PIN)),
                Bank.postAccount(Bank.accountBody(customer, card, "USD", 100, Bank.PIN)),
                Bank.postAccount(Bank.accountBody(Bank.customer(), card, "EUR", 100, "135791")))) {
            Expect.problem(again, 409, "DUPLICATE");
            assertCardNotIn(card, again);
        }
    }

    @Test
    void anAccountForAnUnknownCustomerIs422() {
        String card = Cards.luhnValid(16);
        Answer answer = Bank.postAccount(Bank.accountBody(Api.uniqueId("nobody"), card, "EUR", 100, Bank.PIN));
        Expect.problem(answer, 422, "UNKNOWN_REFERENCE");
        assertCardNotIn(card, answer);
        Bank.account(Bank.customer(), card, "EUR", 100, Bank.PIN);
    }

    @Test
    void unlockAnswersTheAccountAndAnUnknownAccountIs404() {
        JsonNode account = Bank.account(Bank.customer());
        JsonNode unlocked = Expect.ok(Bank.unlock(account.get("id").asText()));
        assertEquals(account.get("id").asText(), unlocked.path("id").asText(), unlocked::toString);
        assertEquals(account.get("accountNumberMasked").asText(), unlocked.path("accountNumberMasked").asText(), unlocked::toString);
        Expect.ok(Bank.unlock(account.get("id").asText()));
        Expect.problem(Bank.unlock(Api.uniqueId("acct")), 404, "NOT_FOUND");
    }

    @Test
    void customersAndMerchantsReadBackAsCreatedAtTheirLocation() {
        assertAll(
                () -> assertReadsBackAsCreated(Bank.postCustomer(Api.uniqueId("cust"), "Read Back"), Endpoint.READ_CUSTOMER),
                () -> assertReadsBackAsCreated(Bank.postCustomer(null, "Generated Read Back"), Endpoint.READ_CUSTOMER),
                () -> assertReadsBackAsCreated(Bank.postMerchant(Api.uniqueId("merch"), "Read Back Shop", "GBP"),
                        Endpoint.READ_MERCHANT),
                () -> assertReadsBackAsCreated(Bank.postMerchant(null, "Generated Read Back Shop", "EUR"),
                        Endpoint.READ_MERCHANT));
    }

    private static void assertReadsBackAsCreated(Answer created, Endpoint read) {
        Answer answer = readBack(created, read);
        assertEquals(Expect.created(created), Expect.ok(answer), () -> "read back otherwise: " + Expect.describe(answer));
    }

    @Test
    void anAccountReadsBackAsOpenedWithoutAPinLockAndOnlyMasked() {
        String card = Cards.luhnValid(19);
        Answer opened = Bank.postAccount(Bank.accountBody(Bank.customer(), card, "EUR", 3_300, Bank.PIN));
        Answer read = readBack(opened, Endpoint.READ_ACCOUNT);
        ObjectNode account = Expect.ok(read).deepCopy();

        assertEquals(BooleanNode.FALSE, account.remove("pinLocked"), () -> "pinLocked not false: " + Expect.describe(read));
        assertEquals(Expect.created(opened), account,
                () -> "not the account as opened (pinLockedUntil only while locked): " + Expect.describe(read));
        assertMasked(card, account);
        assertCardNotIn(card, read);
    }

    /**
     * GET of a 201's Location, which must be {@code read}'s path for the created id: the admin
     * finds what it created where the answer says.
     */
    private static Answer readBack(Answer created, Endpoint read) {
        String id = Expect.created(created).path("id").asText();
        String location = Expect.locationPath(created);
        assertEquals(read.path(id), location, () -> "Location: " + created.headers().map());
        return Api.admin().get(location);
    }

    @Test
    void readingAnUnknownIdIs404AndABadIdIs400NamingIt() {
        String customer = Bank.customer();
        assertAll(Stream.of(Endpoint.READ_CUSTOMER, Endpoint.READ_ACCOUNT, Endpoint.READ_MERCHANT).flatMap(read -> Stream.of(
                () -> Expect.problem(Api.admin().get(read.samplePath()), 404, "NOT_FOUND"),
                () -> Expect.validation(Api.admin().get(read.path("x".repeat(65))), "id"),
                () -> Expect.validation(Api.admin().get(read.path("a%20b")), "id"))));
        Expect.problem(Api.admin().get(Endpoint.READ_ACCOUNT.path(customer)), 404, "NOT_FOUND");
        Expect.problem(Api.admin().get(Endpoint.READ_MERCHANT.path(customer)), 404, "NOT_FOUND");
    }

    @Test
    void openingBalancesArePostedThroughTheLedgerAndZeroIsAllowed() {
        JsonNode before = Bank.trialBalance();
        String customer = Bank.customer();
        List<JsonNode> accounts = List.of(
                Bank.account(customer, Cards.luhnValid(16), "EUR", 1_000, Bank.PIN),
                Bank.account(customer, Cards.luhnValid(16), "EUR", 250, Bank.PIN),
                Bank.account(customer, Cards.luhnValid(16), "EUR", 0, Bank.PIN),
                Bank.account(customer, Cards.luhnValid(16), "USD", 777, Bank.PIN));
        JsonNode after = Bank.trialBalance();

        assertBalanced(after);
        assertGrowth(before, after, "EUR", 1_250);
        assertGrowth(before, after, "USD", 777);

        JsonNode listed = Expect.ok(Api.as(customer, "customer").get(Endpoint.MY_ACCOUNTS.path()));
        assertEquals(4, listed.path("items").size(), listed::toString);
        for (JsonNode account : accounts) {
            JsonNode item = Bank.item(listed, account.get("id").asText());
            assertNotNull(item, () -> "account " + account + " missing from " + listed);
            assertEquals(account.get("currency").asText(), item.path("currency").asText(), item::toString);
            assertBalance(account.get("balance").asLong(), item);
        }
        assertEquals(List.of(1_000L, 250L, 0L, 777L), accounts.stream().map(a -> a.get("balance").asLong()).toList());
    }

    private static void assertGrowth(JsonNode before, JsonNode after, String currency, long amount) {
        long[] was = Bank.totals(before, currency);
        long[] is = Bank.totals(after, currency);
        assertEquals(amount, is[0] - was[0], () -> currency + " debits grew otherwise: before " + before + " after " + after);
        assertEquals(amount, is[1] - was[1], () -> currency + " credits grew otherwise: before " + before + " after " + after);
    }

    private static void assertBalanced(JsonNode trialBalance) {
        assertTrue(trialBalance.path("balanced").isBoolean() && trialBalance.get("balanced").asBoolean(),
                () -> "not balanced: " + trialBalance);
        assertTrue(trialBalance.path("currencies").isArray(), () -> "no currencies: " + trialBalance);
        trialBalance.get("currencies").forEach(line -> {
            assertTrue(line.path("currency").asText().matches("[A-Z]{3}"), () -> "currency: " + trialBalance);
            long[] totals = Bank.totals(trialBalance, line.get("currency").asText());
            assertEquals(totals[0], totals[1], () -> "debits differ from credits: " + trialBalance);
        });
    }

    @Test
    void theTrialBalanceIsBalancedPerCurrency() {
        Bank.account(Bank.customer(), Cards.luhnValid(16), "GBP", 1_234, Bank.PIN);
        JsonNode trialBalance = Bank.trialBalance();
        assertBalanced(trialBalance);
        assertTrue(Bank.totals(trialBalance, "GBP")[0] >= 1_234, trialBalance::toString);
    }

    @Test
    void merchantsAreCreatedWithOrWithoutAnIdAndDuplicatesAre409() {
        String id = Api.uniqueId("merch");
        JsonNode merchant = Expect.created(Bank.postMerchant(id, "Corner Shop", "GBP"));
        assertEquals(id, merchant.path("id").asText(), merchant::toString);
        assertEquals("Corner Shop", merchant.path("name").asText(), merchant::toString);
        assertEquals("GBP", merchant.path("currency").asText(), merchant::toString);

        JsonNode generated = Expect.created(Bank.postMerchant(null, "No Id Shop", "EUR"));
        assertTrue(Expect.ID.matcher(generated.path("id").asText()).matches(), generated::toString);

        Expect.problem(Bank.postMerchant(id, "Copy Shop", "EUR"), 409, "DUPLICATE");
    }

    @Test
    void terminalsBelongToAnExistingMerchantAndTheirIdsAreUnique() {
        String merchant = Bank.merchant();
        String id = Api.uniqueId("term");
        JsonNode terminal = Expect.created(Bank.postTerminal(merchant, id));
        assertEquals(id, terminal.path("id").asText(), terminal::toString);
        assertEquals(merchant, terminal.path("merchantId").asText(), terminal::toString);

        Expect.problem(Bank.postTerminal(merchant, id), 409, "DUPLICATE");
        Expect.problem(Bank.postTerminal(Bank.merchant(), id), 409, "DUPLICATE");
        Expect.problem(Bank.postTerminal(Api.uniqueId("merch"), Api.uniqueId("term")), 404, "NOT_FOUND");

        JsonNode listed = Expect.ok(Api.as(merchant, "merchant").get(Endpoint.MERCHANT_TERMINALS.path()));
        assertTrue(Bank.itemIds(listed).contains(id), listed::toString);
    }

    @Test
    void aDeactivatedTerminalIsRefusedAtThePos() {
        String merchant = Bank.merchant();
        String terminal = Bank.terminal(merchant);
        String other = Bank.terminal(merchant);
        Expect.ok(Bank.atPos(terminal));

        Expect.noContent(Bank.deactivate(merchant, terminal));

        Expect.problem(Bank.atPos(terminal), 403, "FORBIDDEN");
        JsonNode stillActive = Expect.ok(Bank.atPos(other));
        assertTrue(stillActive.path("active").isBoolean() && stillActive.get("active").booleanValue(), stillActive::toString);
        Expect.problem(Bank.deactivate(merchant, Api.uniqueId("term")), 404, "NOT_FOUND");
    }
}
