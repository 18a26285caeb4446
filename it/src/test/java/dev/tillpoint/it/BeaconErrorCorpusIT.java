package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * DESIGN.md "Errors" for the beacon endpoints that read a body: malformed JSON, wrong types,
 * missing fields, other media types and oversized bodies are 4xx problem+json naming the field,
 * and none of them registered, triggered or changed anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BeaconErrorCorpusIT extends DeployedEar {

    private static final List<String> MALFORMED_JSON = List.of("{", "[]", "\"str\"", "null", "", "{\"a\":1}{\"b\":2}",
            "{\"title\":\"x\",}", "{'title':'x'}", "]");

    /** A registered, never triggered beacon whose page no broken request may change. */
    private static String untouched;
    /** Ids that broken registrations carried: none may exist afterwards. */
    private static final List<String> CARRIED = new ArrayList<>();

    private enum Target {
        REGISTER(Endpoint.REGISTER_BEACON, List.of("presetDistanceMeters", "txPower"), List.of("id", "merchantId")),
        PAGE(Endpoint.REPLACE_BEACON_PAGE, List.of(), List.of("url", "title", "description", "iconUrl")),
        TRIGGER(Endpoint.TRIGGER_BEACON, List.of("durationSeconds"), List.of()),
        SIGHTING(Endpoint.BEACON_SIGHTING, List.of("rssi"), List.of("beaconId", "eid", "channel"));

        final Endpoint endpoint;
        final List<String> numbers;
        final List<String> strings;

        Target(Endpoint endpoint, List<String> numbers, List<String> strings) {
            this.endpoint = endpoint;
            this.numbers = numbers;
            this.strings = strings;
        }

        String path() {
            return switch (this) {
                case PAGE, TRIGGER -> endpoint.path(untouched());
                default -> endpoint.path();
            };
        }

        Map<String, Object> validBody() {
            return switch (this) {
                case REGISTER -> {
                    String id = Beacons.newId();
                    synchronized (CARRIED) {
                        CARRIED.add(id);
                    }
                    yield Beacons.body(id);
                }
                case PAGE -> Beacons.page("https://broken.example/", "Broken");
                case TRIGGER -> Bodies.map("durationSeconds", 60);
                case SIGHTING -> Bodies.map("beaconId", untouched(), "rssi", -60);
            };
        }

        Answer send(String body, String contentType) {
            Api caller = this == SIGHTING ? Callers.as("customer") : Api.admin();
            return caller.send(endpoint.method, path(), body, contentType);
        }
    }

    private static synchronized String untouched() {
        if (untouched == null) {
            untouched = Beacons.register();
        }
        return untouched;
    }

    private static Stream<Target> targets() {
        return Stream.of(Target.values());
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> malformedJsonIs400() {
        return targets().flatMap(target -> MALFORMED_JSON.stream().map(raw -> dynamicTest(target + ": " + Bodies.show(raw),
                () -> Expect.validation(target.send(raw, "application/json")))));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> wrongTypesAre400NamingTheField() {
        return targets().flatMap(target -> Stream.concat(
                target.numbers.stream().flatMap(field -> Stream.of("12", true, List.of(1), Map.of("v", 1), "abc")
                        .map(value -> dynamicTest(target + ": " + field + " = " + value, () -> Expect.validation(
                                target.send(Bodies.json(Bodies.with(target.validBody(), field, value)), "application/json"), field)))),
                target.strings.stream().flatMap(field -> Stream.of(12345, true, List.of("x"), Map.of("v", "x"))
                        .map(value -> dynamicTest(target + ": " + field + " = " + value, () -> Expect.validation(
                                target.send(Bodies.json(Bodies.with(target.validBody(), field, value)), "application/json"), field))))));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> otherMediaTypesAndOversizedBodiesAreRefused() {
        return targets().flatMap(target -> Stream.of(
                dynamicTest(target + ": text/plain", () -> Expect.problem(
                        target.send(Bodies.json(target.validBody()), "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE")),
                dynamicTest(target + ": application/xml", () -> Expect.problem(
                        target.send("<beacon/>", "application/xml"), 415, "UNSUPPORTED_MEDIA_TYPE")),
                dynamicTest(target + ": 1 MiB + 1 KiB", () -> Expect.problem(
                        target.send(Bodies.paddedTo(target.validBody(), 1024 * 1024 + 1024), "application/json"), 413, "PAYLOAD_TOO_LARGE"))));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noBrokenRequestRegisteredTriggeredOrChangedAnything() {
        List<String> carried;
        synchronized (CARRIED) {
            carried = List.copyOf(CARRIED);
        }
        assertTrue(carried.size() > 10, () -> "too few carried ids: " + carried.size());
        for (String id : carried) {
            Expect.problem(Beacons.read(id), 404, "NOT_FOUND");
        }
        JsonNode beacon = Expect.ok(Beacons.read(untouched()));
        assertTrue(beacon.path("broadcastUntil").isMissingNode(), () -> "a broken trigger opened a window: " + beacon);
        assertEquals("https://shop.example/offers/" + untouched(), beacon.path("page").path("url").asText(),
                () -> "a broken page replaced the page: " + beacon);
        JsonNode stats = Expect.ok(Api.admin().get(Endpoint.BEACON_STATS.path(untouched())));
        assertEquals(0, stats.path("sightings").asLong(), () -> "a broken sighting was counted: " + stats);
    }
}
