package dev.tillpoint.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import dev.tillpoint.api.JacksonConfig;
import dev.tillpoint.shared.Result.FieldError;

/** Jackson failures, described without a word of the input. */
class JsonErrorsTest {

    private static final ObjectMapper MAPPER = JacksonConfig.newObjectMapper();

    enum Kind { PAYMENT, REFUND }

    record Payment(String userId, String securityCode, Long amount, String currency, Order order,
            List<Item> items, Kind kind, Instant at) {
    }

    record Order(String id, String description) {
    }

    record Item(String id) {
    }

    @Test
    void namesAWrongTypeByItsPath() {
        assertEquals(new FieldError("amount", "must be an integer"), describe("{\"amount\": \"12\"}"));
        assertEquals(new FieldError("amount", "must be an integer"), describe("{\"amount\": 12.5}"));
        assertEquals(new FieldError("order.id", "must be a string"), describe("{\"order\": {\"id\": 7}}"));
        assertEquals(new FieldError("items[1].id", "must be a string"),
                describe("{\"items\": [{\"id\": \"a\"}, {\"id\": false}]}"));
        assertEquals(new FieldError("order", "must be an object"), describe("{\"order\": \"o1\"}"));
        assertEquals(new FieldError("items", "must be an array"), describe("{\"items\": 3}"));
        assertEquals(new FieldError("kind", "must be one of PAYMENT, REFUND"), describe("{\"kind\": \"GIFT\"}"));
        assertTrue(describe("{\"at\": \"yesterday\"}").message().startsWith("must be an ISO-8601 UTC time"));
        assertTrue(describe("{\"at\": 1700000000}").message().startsWith("must be an ISO-8601 UTC time"));
    }

    @Test
    void namesAnUnknownField() {
        assertEquals(new FieldError("surprise", "is not a known field"), describe("{\"surprise\": 1}"));
        assertEquals(new FieldError("order.surprise", "is not a known field"),
                describe("{\"order\": {\"surprise\": 1}}"));
    }

    @Test
    void doesNotEchoAnUnknownFieldNameThatIsNoName() {
        assertEquals(new FieldError("?", "is not a known field"), describe("{\"4111 1111 1111 1111\": 1}"));
        assertEquals(new FieldError("?", "is not valid JSON"), describe("{\"[4111111111111111\": x}"));
    }

    @Test
    void namesADuplicateKey() {
        assertEquals(new FieldError("amount", "appears more than once"), describe("{\"amount\": 1, \"amount\": 2}"));
    }

    @Test
    void namesAnOutOfRangeNumber() {
        assertEquals(new FieldError("amount", "is out of range"), describe("{\"amount\": 92233720368547758070}"));
    }

    @Test
    void blamesTheBodyForDocumentLevelFaults() {
        assertEquals(new FieldError("body", "must be a single JSON object"), describe("{\"amount\": 1} {}"));
        assertEquals(new FieldError("body", "must be a single JSON object"), describe("[1]"));
        assertEquals(new FieldError("body", "is not valid JSON"), describe("not json"));
        assertEquals("ends before the JSON document is complete", describe("{\"amount\": 1").message());
    }

    @Test
    void locatesASyntaxErrorInsideAField() {
        assertEquals(new FieldError("order.id", "is not valid JSON"), describe("{\"order\": {\"id\": x}}"));
    }

    @Test
    void neverQuotesTheInput() {
        String pan = "4111111111111111";
        String[] inputs = {
            "{\"securityCode\": " + pan + "}",
            "{\"amount\": \"" + pan + "\"}",
            "{\"amount\": " + pan + "." + pan + "}",
            "{\"kind\": \"" + pan + "\"}",
            "{\"at\": \"" + pan + "\"}",
            "{\"" + pan + "\": 1}",
            "{\"userId\": \"a\", \"userId\": \"" + pan + "\"}",
            "{\"order\": {\"id\": " + pan + "x}}",
            "{\"amount\": 1} " + pan,
            "{\"[" + pan + "\": x}",
            "{\"items\": [{\"id\": \"a\"}, {\"" + pan + "\": 1}]}",
        };
        for (String input : inputs) {
            FieldError error = describe(input);
            assertFalse(error.field().contains(pan) || error.message().contains(pan), input + " -> " + error);
        }
    }

    @Test
    void readingFaultsAreTheClientsAndWritingFaultsTheServers() {
        JsonProcessingException reading = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"amount\": \"x\"}", Payment.class));
        assertFalse(JsonErrors.isServerSide(reading));
        JsonProcessingException writing = assertThrows(JsonProcessingException.class,
                () -> MAPPER.writeValueAsString(new Object()));
        assertTrue(JsonErrors.isServerSide(writing));
    }

    private static FieldError describe(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Payment.class));
        return JsonErrors.describe(e);
    }
}
