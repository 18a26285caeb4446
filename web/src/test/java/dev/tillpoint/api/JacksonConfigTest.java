package dev.tillpoint.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tillpoint.api.admin.NewAccountRequest;

/** The API's Jackson settings, fed the inputs a careless or hostile client sends. */
class JacksonConfigTest {

    private static final ObjectMapper MAPPER = JacksonConfig.newObjectMapper();

    private static final String GOOD = """
            {"customerId": "alice", "accountNumber": "4111111111111111", "currency": "EUR",
             "openingBalance": 100000, "pin": "123456"}""";

    /**
     * The JSON types the API uses, all optional, so that each bad input below fails for its own
     * reason (an empty object reads fine, see {@link #anEmptyObjectReadsIntoTheSample()}).
     */
    record Sample(Long amount, String name, Boolean flag, Instant at, Order order, List<String> tags) {
    }

    record Order(String id, String description) {
    }

    /** Primitives must be present and non-null: a missing amount must not become 0. */
    record Primitive(long count) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\u0007", "a\\nb", "a\\tb", "\\u0085", "\\ud800", "x\\udc00"})
    void singleLineFieldsRefuseControlCharactersAndLoneSurrogatesNamingTheField(String escaped) {
        String body = "{\"name\": \"" + escaped + "\"}";
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue(body, dev.tillpoint.api.admin.NewCustomerRequest.class), escaped);
        assertEquals(new dev.tillpoint.shared.Result.FieldError("name", dev.tillpoint.api.text.Text.SINGLE_LINE_MESSAGE),
                dev.tillpoint.api.problem.JsonErrors.describe(e));
    }

    @Test
    void freeTextKeepsTabAndLineFeedButNothingElse() throws IOException {
        assertEquals("two\nlines\tand a tab", MAPPER.readValue("{\"id\": \"o1\", \"description\": \"two\\nlines\\tand a tab\"}",
                dev.tillpoint.payments.PaymentOrder.class).description());
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(
                "{\"id\": \"o1\", \"description\": \"a\\rb\"}", dev.tillpoint.payments.PaymentOrder.class));
        assertEquals(new dev.tillpoint.shared.Result.FieldError("description", dev.tillpoint.api.text.Text.FREE_TEXT_MESSAGE),
                dev.tillpoint.api.problem.JsonErrors.describe(e));
        JsonProcessingException id = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(
                "{\"id\": \"o\\n1\"}", dev.tillpoint.payments.PaymentOrder.class));
        assertEquals("id", dev.tillpoint.api.problem.JsonErrors.describe(id).field(), "order.id is single-line");
    }

    @Test
    void listElementsFollowTheTextRuleToo() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"tags\": [\"ok\", \"a\\u0000\"]}", Sample.class));
        assertEquals("tags[1]", dev.tillpoint.api.problem.JsonErrors.describe(e).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "1969-12-31T23:59:59Z",
        "2026-11-28T10:15:30+01:00"})
    void timesOutside1970To9999OrNotInZAreRefused(String time) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"at\": \"" + time + "\"}", Sample.class), time);
        assertEquals("at", dev.tillpoint.api.problem.JsonErrors.describe(e).field());
    }

    @Test
    void readsAGoodBodyIntoTheRequestRecord() throws IOException {
        NewAccountRequest request = MAPPER.readValue(GOOD, NewAccountRequest.class);
        assertEquals(new NewAccountRequest("alice", "4111111111111111", "EUR", 100000L, "123456"), request);
    }

    @Test
    void readsAGoodBodyTheWayRestEasyDoes() throws IOException {
        assertEquals("alice", readLikeRestEasy(GOOD, NewAccountRequest.class).customerId());
        assertNull(readLikeRestEasy("", NewAccountRequest.class), "an empty body reads as null, for @NotNull");
    }

    @Test
    void leavesAMissingOptionalFieldNullForBeanValidation() throws IOException {
        NewAccountRequest request = MAPPER.readValue("{\"customerId\": \"alice\"}", NewAccountRequest.class);
        assertNull(request.openingBalance());
    }

    @Test
    void anEmptyObjectReadsIntoTheSample() throws IOException {
        assertEquals(new Sample(null, null, null, null, null, null), MAPPER.readValue("{}", Sample.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a number sent as a string, a fraction for an integer, a boolean for an integer
        "{\"amount\": \"12\"}",
        "{\"amount\": 12.5}",
        "{\"amount\": 12.0}",
        "{\"amount\": 1e3}",
        "{\"amount\": true}",
        "{\"amount\": \"\"}",
        // out of range for a long
        "{\"amount\": 9223372036854775808}",
        // numbers, booleans, arrays and objects for a string
        "{\"name\": 12}",
        "{\"name\": 1.5}",
        "{\"name\": false}",
        "{\"name\": [\"a\"]}",
        "{\"name\": {\"a\": 1}}",
        // a string or a number for a boolean
        "{\"flag\": \"true\"}",
        "{\"flag\": 1}",
        // a scalar for a list
        "{\"tags\": \"a\"}",
        // an unknown field, at the top and nested
        "{\"amount\": 1, \"surprise\": 1}",
        "{\"order\": {\"id\": \"o1\", \"surprise\": 1}}",
        // a duplicate key, at the top and nested
        "{\"amount\": 1, \"amount\": 2}",
        "{\"order\": {\"id\": \"a\", \"id\": \"b\"}}",
        // trailing tokens
        "{\"amount\": 1} {\"amount\": 2}",
        "{\"amount\": 1} x",
        "{\"amount\": 1}]",
        // not an object, not JSON, incomplete
        "[1, 2]",
        "\"text\"",
        "12",
        "{amount: 1}",
        "{'amount': 1}",
        "{\"amount\": 1",
        "{\"amount\": 01}",
        "{\"amount\": NaN}",
        // a time that is not an ISO-8601 string with offset: epoch numbers and digit strings included
        "{\"at\": \"yesterday\"}",
        "{\"at\": \"2026-11-28T10:15:30\"}",
        "{\"at\": 1700000000}",
        "{\"at\": \"1700000000\"}",
        "{\"at\": \"\"}"
    })
    void refusesBadInput(String json) {
        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Sample.class));
        assertThrows(JsonProcessingException.class, () -> readLikeRestEasy(json, Sample.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"count\": null}", "{\"count\": \"1\"}", "{\"count\": 1.5}"})
    void refusesAMissingNullOrCoercedPrimitive(String json) {
        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Primitive.class));
    }

    @Test
    void refusesAWrongTypeInTheRequestRecord() {
        assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue(GOOD.replace("100000", "\"100000\""), NewAccountRequest.class));
        assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue(GOOD.replace("\"123456\"", "123456"), NewAccountRequest.class));
        assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue(GOOD.replace("}", ", \"balance\": 5}"), NewAccountRequest.class));
    }

    @Test
    void writesTimesAsIsoStringsAndLeavesNullsOut() throws IOException {
        Sample sample = new Sample(1250L, null, false, Instant.parse("2026-11-28T10:15:30Z"), null, null);
        assertEquals("{\"amount\":1250,\"flag\":false,\"at\":\"2026-11-28T10:15:30Z\"}", MAPPER.writeValueAsString(sample));
    }

    @Test
    void readsIsoUtcTimes() throws IOException {
        String json = "{\"at\": \"%s\"}";
        assertEquals(Instant.parse("2026-11-28T10:15:30Z"),
                MAPPER.readValue(json.formatted("2026-11-28T10:15:30Z"), Sample.class).at());
        assertEquals(Instant.parse("2026-11-28T10:15:30.250Z"),
                MAPPER.readValue(json.formatted("2026-11-28T10:15:30.250Z"), Sample.class).at());
    }

    @Test
    void theProviderHandsOutOneSharedMapper() {
        JacksonConfig config = new JacksonConfig();
        assertSame(config.getContext(Sample.class), config.getContext(String.class));
    }

    @Test
    void neverPrintsTheCardNumberOrPinOfAnAccountRequest() throws IOException {
        String printed = MAPPER.readValue(GOOD, NewAccountRequest.class).toString();
        assertFalse(printed.contains("4111111111111111"));
        assertFalse(printed.contains("123456"));
    }

    /**
     * What RESTEasy's Jackson provider does: a parser from the configured reader, one token read to
     * detect an empty body (which becomes null), then readValue on the parser.
     */
    static <T> T readLikeRestEasy(String json, Class<T> type) throws IOException {
        ObjectReader reader = MAPPER.reader();
        try (JsonParser parser = reader.createParser(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            if (parser.nextToken() == null) {
                return null;
            }
            return reader.forType(type).readValue(parser);
        }
    }
}
