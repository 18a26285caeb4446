package dev.tillpoint.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Beacon test data through the admin API (DESIGN.md "Beacon pages").
 */
final class Beacons {

    private Beacons() {
    }

    /** A fresh Eddystone-UID: 32 lower-case hex. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A fresh AES-128 identity key, 32 hex. */
    static String newIdentityKey() {
        return newId();
    }

    static Map<String, Object> page(String url, String title) {
        return Bodies.map("url", url, "title", title);
    }

    /** A BLE beacon 5 m preset, txPower -59, with an https page. */
    static Map<String, Object> body(String id) {
        return new LinkedHashMap<>(Bodies.map("id", id, "presetDistanceMeters", 5, "txPower", -59,
                "page", page("https://shop.example/offers/" + id, "Offer " + id)));
    }

    static Map<String, Object> eid(String identityKey, int rotationExponent, Long timeCounter) {
        return timeCounter == null
                ? Bodies.map("identityKey", identityKey, "rotationExponent", rotationExponent)
                : Bodies.map("identityKey", identityKey, "rotationExponent", rotationExponent, "timeCounter", timeCounter);
    }

    static Answer post(Map<String, Object> body) {
        return Api.admin().post(Endpoint.REGISTER_BEACON.path(), Bodies.json(body));
    }

    static String register(Map<String, Object> body) {
        return Expect.created(post(body)).get("id").asText();
    }

    /** A new BLE beacon's id. */
    static String register() {
        return register(body(newId()));
    }

    static JsonNode trigger(String id, int durationSeconds) {
        return Expect.json(Api.admin().post(Endpoint.TRIGGER_BEACON.path(id), Bodies.json("durationSeconds", durationSeconds)), 202);
    }

    static Answer sight(String customer, Object... namesAndValues) {
        return Api.as(customer, "customer").post(Endpoint.BEACON_SIGHTING.path(), Bodies.json(namesAndValues));
    }

    static Answer read(String id) {
        return Api.admin().get(Endpoint.READ_BEACON.path(id));
    }

    /** The EID (16 hex) a beacon broadcasts while its counter reads {@code counter}. */
    static String eidAt(String identityKeyHex, int rotationExponent, long counter) {
        return EidComputation.eidAt(identityKeyHex, rotationExponent, counter);
    }
}
