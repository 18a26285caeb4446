package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Architecture": lists take {@code limit} (1..200, default 50) and {@code cursor}, and
 * return {@code nextCursor} while more remain. Following the cursors shows every item exactly once,
 * oldest first, even when items are added between pages; a cursor that was altered, or that belongs
 * to another caller's list or to another list, is 400 VALIDATION_FAILED naming {@code cursor}.
 * Malformed {@code limit} and {@code cursor} values are in {@link ErrorCorpusIT}.
 */
class ListPagingIT extends DeployedEar {

    /** More pages than any test here walks: a cursor that never ends the list fails instead of looping. */
    private static final int MAX_PAGES = 20;

    @Test
    void aCustomersFiveAccountsComeAsTwoTwoAndOne() {
        String customer = Bank.customer();
        List<String> opened = openAccounts(customer, 5);

        List<JsonNode> pages = allPages(Api.as(customer, "customer"), Endpoint.MY_ACCOUNTS, "2");

        assertEquals(List.of(2, 2, 1), sizes(pages), pages::toString);
        assertEquals(opened, ids(pages), () -> "not every account once, oldest first: " + pages);
    }

    @Test
    void aMerchantsFiveTerminalsComeAsTwoTwoAndOne() {
        String merchant = Bank.merchant();
        List<String> added = addTerminals(merchant, 5);

        List<JsonNode> pages = allPages(Api.as(merchant, "merchant"), Endpoint.MERCHANT_TERMINALS, "2");

        assertEquals(List.of(2, 2, 1), sizes(pages), pages::toString);
        assertEquals(added, ids(pages), () -> "not every terminal once, oldest first: " + pages);
    }

    @Test
    void aPageThatHoldsTheRestIsTheLast() {
        String customer = Bank.customer();
        List<String> opened = openAccounts(customer, 5);
        Api caller = Api.as(customer, "customer");

        assertAll(
                () -> assertPages(List.of(5), opened, allPages(caller, Endpoint.MY_ACCOUNTS, "5")),
                () -> assertPages(List.of(4, 1), opened, allPages(caller, Endpoint.MY_ACCOUNTS, "4")),
                () -> assertPages(List.of(5), opened, allPages(caller, Endpoint.MY_ACCOUNTS, "200")),
                () -> assertPages(List.of(5), opened, allPages(caller, Endpoint.MY_ACCOUNTS, null)),
                () -> assertPages(List.of(1, 1, 1, 1, 1), opened, allPages(caller, Endpoint.MY_ACCOUNTS, "1")));
    }

    @Test
    void aCustomerWithoutAccountsGetsOneEmptyPage() {
        JsonNode page = Expect.ok(Api.as(Bank.customer(), "customer").get(Endpoint.MY_ACCOUNTS.pagePath("2", null)));

        assertEquals(List.of(), Bank.itemIds(page), page::toString);
        assertFalse(page.has("nextCursor"), page::toString);
    }

    @Test
    void theLimitMayChangeFromPageToPage() {
        String customer = Bank.customer();
        List<String> opened = openAccounts(customer, 5);
        Api caller = Api.as(customer, "customer");

        JsonNode first = Expect.ok(caller.get(Endpoint.MY_ACCOUNTS.pagePath("2", null)));
        JsonNode rest = Expect.ok(caller.get(Endpoint.MY_ACCOUNTS.pagePath("3", nextCursor(first))));

        assertPages(List.of(2, 3), opened, List.of(first, rest));
    }

    @Test
    void anAccountOpenedBetweenPagesIsNeitherRepeatedNorSkipped() {
        String customer = Bank.customer();
        List<String> opened = new ArrayList<>(openAccounts(customer, 3));
        Api caller = Api.as(customer, "customer");

        JsonNode first = Expect.ok(caller.get(Endpoint.MY_ACCOUNTS.pagePath("2", null)));
        opened.add(Bank.account(customer).get("id").asText());
        JsonNode second = Expect.ok(caller.get(Endpoint.MY_ACCOUNTS.pagePath("2", nextCursor(first))));

        assertPages(List.of(2, 2), opened, List.of(first, second));
    }

    @Test
    void anAlteredOrCutCursorIs400NamingCursor() {
        String customer = Bank.customer();
        openAccounts(customer, 3);
        Api caller = Api.as(customer, "customer");
        String cursor = nextCursor(Expect.ok(caller.get(Endpoint.MY_ACCOUNTS.pagePath("1", null))));

        List<String> broken = List.of(
                alteredInTheMiddle(cursor),
                cursor.substring(0, cursor.length() - 4),
                cursor.substring(4),
                cursor + "AAAA",
                new StringBuilder(cursor).reverse().toString(),
                cursor.toUpperCase(Locale.ROOT));
        assertAll(broken.stream().map(bad -> () -> Expect.validation(
                caller.get(Endpoint.MY_ACCOUNTS.pagePath("1", bad)), "cursor")));
        Expect.ok(caller.get(Endpoint.MY_ACCOUNTS.pagePath("1", cursor)));
    }

    @Test
    void anotherCustomersCursorIs400NamingCursor() {
        String alice = Bank.customer();
        String bob = Bank.customer();
        openAccounts(alice, 3);
        openAccounts(bob, 3);
        String alicesCursor = nextCursor(Expect.ok(Api.as(alice, "customer").get(Endpoint.MY_ACCOUNTS.pagePath("1", null))));

        Answer answer = Api.as(bob, "customer").get(Endpoint.MY_ACCOUNTS.pagePath("1", alicesCursor));

        Expect.validation(answer, "cursor");
        Expect.ok(Api.as(alice, "customer").get(Endpoint.MY_ACCOUNTS.pagePath("1", alicesCursor)));
    }

    @Test
    void anotherMerchantsCursorIs400NamingCursor() {
        String first = Bank.merchant();
        String second = Bank.merchant();
        addTerminals(first, 3);
        addTerminals(second, 3);
        String firstsCursor = nextCursor(Expect.ok(Api.as(first, "merchant").get(Endpoint.MERCHANT_TERMINALS.pagePath("1", null))));

        Answer answer = Api.as(second, "merchant").get(Endpoint.MERCHANT_TERMINALS.pagePath("1", firstsCursor));

        Expect.validation(answer, "cursor");
        Expect.ok(Api.as(first, "merchant").get(Endpoint.MERCHANT_TERMINALS.pagePath("1", firstsCursor)));
    }

    @Test
    void aCursorOfAnotherListOfTheSameIdIs400NamingCursor() {
        // Customer and merchant ids are separate namespaces, so one id can own both lists.
        String id = Bank.customer();
        Expect.created(Bank.postMerchant(id, "Same Id Shop", "EUR"));
        openAccounts(id, 2);
        addTerminals(id, 2);
        String accountsCursor = nextCursor(Expect.ok(Api.as(id, "customer").get(Endpoint.MY_ACCOUNTS.pagePath("1", null))));
        String terminalsCursor = nextCursor(Expect.ok(Api.as(id, "merchant").get(Endpoint.MERCHANT_TERMINALS.pagePath("1", null))));

        Expect.validation(Api.as(id, "merchant").get(Endpoint.MERCHANT_TERMINALS.pagePath("1", accountsCursor)), "cursor");
        Expect.validation(Api.as(id, "customer").get(Endpoint.MY_ACCOUNTS.pagePath("1", terminalsCursor)), "cursor");
    }

    @Test
    void theOpenApiDocumentDescribesThePagingParametersAndThe400() {
        JsonNode paths = Expect.ok(RawHttp.get(Api.baseUrl() + "/openapi", "application/json")).path("paths");
        assertAll(List.of(Endpoint.values()).stream().filter(Endpoint::pages).map(list -> () -> {
            JsonNode operation = paths.path(list.template).path("get");
            Supplier<String> shown = operation::toString;
            JsonNode limit = parameter(operation, "limit");
            assertEquals("query", limit.path("in").asText(), shown);
            JsonNode schema = limit.path("schema");
            assertTrue(schema.path("type").toString().contains("integer"), shown);
            assertEquals(1, schema.path("minimum").asInt(), shown);
            assertEquals(200, schema.path("maximum").asInt(), shown);
            assertEquals(50, schema.path("default").asInt(), shown);
            assertEquals("query", parameter(operation, "cursor").path("in").asText(), shown);
            assertTrue(operation.path("responses").has("400"), shown);
        }));
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + ": " + operation);
    }

    /** Every page of the list, following nextCursor from the first page until it is absent. */
    private static List<JsonNode> allPages(Api caller, Endpoint list, String limit) {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Expect.ok(caller.get(list.pagePath(limit, cursor)));
            pages.add(page);
            cursor = page.has("nextCursor") ? nextCursor(page) : null;
            assertTrue(pages.size() <= MAX_PAGES, () -> "the list does not end: " + pages);
        } while (cursor != null);
        return pages;
    }

    /** The page's nextCursor, which must be a non-empty, URL-safe string. */
    private static String nextCursor(JsonNode page) {
        JsonNode cursor = page.path("nextCursor");
        assertTrue(cursor.isTextual() && cursor.asText().matches("[A-Za-z0-9_-]+"),
                () -> "nextCursor is not a URL-safe string: " + page);
        return cursor.asText();
    }

    /** Pages of these sizes, the last without nextCursor, showing exactly {@code expected}, in order. */
    private static void assertPages(List<Integer> sizes, List<String> expected, List<JsonNode> pages) {
        assertEquals(sizes, sizes(pages), pages::toString);
        assertEquals(expected, ids(pages), pages::toString);
        assertFalse(pages.get(pages.size() - 1).has("nextCursor"), () -> "the last page has a nextCursor: " + pages);
    }

    private static List<Integer> sizes(List<JsonNode> pages) {
        return pages.stream().map(page -> Bank.itemIds(page).size()).toList();
    }

    private static List<String> ids(List<JsonNode> pages) {
        return pages.stream().flatMap(page -> Bank.itemIds(page).stream()).toList();
    }

    /** Opens {@code count} accounts one after the other; their ids in that order. */
    private static List<String> openAccounts(String customer, int count) {
        return IntStream.range(0, count).mapToObj(i -> Bank.account(customer).get("id").asText()).toList();
    }

    private static List<String> addTerminals(String merchant, int count) {
        return IntStream.range(0, count).mapToObj(i -> Bank.terminal(merchant)).toList();
    }

    /** One character in the middle replaced: every middle character carries six bits of the cursor. */
    private static String alteredInTheMiddle(String cursor) {
        int middle = cursor.length() / 2;
        char replacement = cursor.charAt(middle) == 'A' ? 'B' : 'A';
        return cursor.substring(0, middle) + replacement + cursor.substring(middle + 1);
    }
}
