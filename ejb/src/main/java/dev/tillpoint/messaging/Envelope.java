package dev.tillpoint.messaging;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The JSON text every Tillpoint JMS message carries:
 * {@code {"messageId", "type", "version", "occurredAt", "payload": {...}}}. The message id is the
 * consumer's idempotency key; {@code type} and {@code version} let a consumer refuse what it does
 * not understand instead of misreading it.
 *
 * @param messageId  unique per message, kept across redeliveries and relay retries
 * @param type       what happened, e.g. {@code PAYMENT_APPROVED}
 * @param version    the payload's schema version for that type, from 1
 * @param occurredAt when the sending transaction wrote it
 * @param payload    the type's fields
 */
public record Envelope(String messageId, String type, int version, Instant occurredAt, JsonObject payload) {

    /** One factory: {@code Json.createObjectBuilder()} looks the provider up again on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("A message version starts at 1");
        }
    }

    public String toJson() {
        return JSON.createObjectBuilder()
                .add("messageId", messageId)
                .add("type", type)
                .add("version", version)
                .add("occurredAt", occurredAt.toString())
                .add("payload", payload)
                .build()
                .toString();
    }

    /**
     * Reads an envelope back.
     *
     * @throws IllegalArgumentException when the text is not an envelope: a poison message, which
     *                                  the listener lets fail so that it ends in the dead-letter queue
     */
    public static Envelope parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A Tillpoint message is a JSON text; this one has no body");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return new Envelope(string(json, "messageId"), string(json, "type"), number(json, "version"),
                    Instant.parse(string(json, "occurredAt")), json.getJsonObject("payload"));
        } catch (JsonException | ClassCastException | DateTimeParseException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("Not a Tillpoint message envelope: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Requires {@code expectedType} at exactly {@code supportedVersion}. */
    public Envelope require(String expectedType, int supportedVersion) {
        if (!expectedType.equals(type) || version != supportedVersion) {
            throw new IllegalArgumentException("Message " + messageId + " is " + type + " v" + version
                    + "; this consumer reads " + expectedType + " v" + supportedVersion);
        }
        return this;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonString string)) {
            throw new IllegalArgumentException("The envelope's " + name + " is not a string");
        }
        return string.getString();
    }

    private static int number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new IllegalArgumentException("The envelope's " + name + " is not an integer");
        }
        return number.intValueExact();
    }
}
