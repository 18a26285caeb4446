package dev.tillpoint.beacons;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The beacon messages: their types, versions, and strict reading of their payloads (a payload that
 * does not read is a poison message, refused with {@link IllegalArgumentException}).
 *
 * <ul>
 *   <li>{@value #BROADCAST_INSTRUCTION} v1 on {@code BEACON_TRIGGERS}:
 *       {@code {"instructionId", "beaconId", "broadcastUntil"}}</li>
 *   <li>{@value #SIGHTINGS} v1 on {@code BEACON_SIGHTINGS}: a batch of the sightings of about a
 *       second on one server, {@code {"sightings": [{"beaconId", "customerId", "seenAt", "outcome"}, ...]}}</li>
 * </ul>
 */
public final class BeaconMessages {

    public static final String BROADCAST_INSTRUCTION = "BEACON_BROADCAST_INSTRUCTION";
    public static final String SIGHTINGS = "BEACON_SIGHTINGS";
    public static final int VERSION = 1;

    /** What a sighting came to, for analytics. */
    enum Outcome {
        IN_RANGE,
        OUT_OF_RANGE,
        NOT_BROADCASTING
    }

    private BeaconMessages() {
    }

    static String text(JsonObject payload, String name) {
        JsonValue value = payload.get(name);
        if (!(value instanceof JsonString string) || string.getString().isEmpty()) {
            throw new IllegalArgumentException("The payload's " + name + " is not a string");
        }
        return string.getString();
    }

    static Instant instant(JsonObject payload, String name) {
        try {
            return Instant.parse(text(payload, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The payload's " + name + " is not an ISO-8601 instant");
        }
    }
}
