package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillpoint.it.Api.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * DESIGN.md "Beacon pages" against the deployed EAR: registration and its validation, triggers
 * reaching the device through JMS, sightings resolved to pages by fixed id and by Eddystone-EID,
 * channels, deactivation, and the statistics the analytics listener keeps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BeaconsIT extends DeployedEar {

    /** The identity keys this class registered: none may appear in an answer or a log line. */
    private static final List<String> IDENTITY_KEYS = new ArrayList<>();
    private static final List<Answer> ANSWERS = new ArrayList<>();

    private static Answer kept(Answer answer) {
        synchronized (ANSWERS) {
            ANSWERS.add(answer);
        }
        return answer;
    }

    private static String identityKey() {
        String key = Beacons.newIdentityKey();
        synchronized (IDENTITY_KEYS) {
            IDENTITY_KEYS.add(key);
        }
        return key;
    }

    /** Waits until {@code condition} holds, up to {@code seconds}. */
    static boolean await(int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Waits for the trigger listener to deliver the instruction to the beacon's pending instructions. */
    static JsonNode awaitInstruction(String beacon, String instructionId) {
        JsonNode[] found = new JsonNode[1];
        boolean delivered = await(30, () -> {
            JsonNode list = Expect.ok(Api.as(beacon, "device").get(Endpoint.MY_INSTRUCTIONS.path()));
            for (JsonNode item : list.path("items")) {
                if (instructionId.equals(item.path("instructionId").asText())) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        assertTrue(delivered, "instruction " + instructionId + " did not reach device " + beacon + " within 30 s");
        return found[0];
    }

    @Test
    @Order(1)
    void registersAnEddystoneUidBeaconStoredLowerCase() {
        String id = Beacons.newId();
        Map<String, Object> body = Bodies.with(Beacons.body(id.toUpperCase(Locale.ROOT)), "channels", List.of("BLE", "NFC"));
        Answer answer = Beacons.post(body);
        JsonNode beacon = Expect.created(answer);
        assertEquals(id, beacon.path("id").asText(), () -> Expect.describe(answer));
        assertEquals(5.0, beacon.path("presetDistanceMeters").asDouble());
        assertEquals(-59, beacon.path("txPower").asInt());
        assertEquals("https://shop.example/offers/" + id.toUpperCase(Locale.ROOT), beacon.path("page").path("url").asText());
        assertEquals(List.of("BLE", "NFC"), List.of(beacon.path("channels").get(0).asText(), beacon.path("channels").get(1).asText()));
        assertTrue(beacon.path("active").asBoolean());
        assertTrue(beacon.path("eid").isMissingNode());
        JsonNode readBack = Expect.ok(Api.admin().get(Expect.locationPath(answer)));
        assertEquals(id, readBack.path("id").asText());
        Expect.ok(Beacons.read(id.toUpperCase(Locale.ROOT)));
        Expect.problem(Beacons.post(Beacons.body(id.toUpperCase(Locale.ROOT))), 409, "DUPLICATE");
        Expect.problem(Beacons.post(Beacons.body(id)), 409, "DUPLICATE");
        assertEquals(2, Expect.ok(Beacons.read(id)).path("channels").size(), "the duplicate changed nothing");
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> badRegistrationsAre400NamingTheFieldAndCreateNothing() {
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        String key = identityKey();
        cases.put("id of 31 hex", new Object[] {"id", "0123456789abcdef0123456789abcde"});
        cases.put("id of 33 hex", new Object[] {"id", "0123456789abcdef0123456789abcdef0"});
        cases.put("id not hex", new Object[] {"id", "0123456789abcdef0123456789abcdeg"});
        cases.put("id a UUID", new Object[] {"id", "01234567-89ab-cdef-0123-456789abcdef"});
        cases.put("id missing", new Object[] {"id", null});
        cases.put("http page", new Object[] {"page.url", "http://shop.example/offer"});
        cases.put("javascript page", new Object[] {"page.url", "javascript:alert(1)"});
        cases.put("relative page", new Object[] {"page.url", "/offer"});
        cases.put("http icon", new Object[] {"page.iconUrl", "http://shop.example/icon.png"});
        cases.put("no page title", new Object[] {"page.title", ""});
        cases.put("no page", new Object[] {"page", null});
        cases.put("distance 0", new Object[] {"presetDistanceMeters", 0});
        cases.put("distance -1", new Object[] {"presetDistanceMeters", -1});
        cases.put("distance -0.5", new Object[] {"presetDistanceMeters", -0.5});
        cases.put("distance 1000.01", new Object[] {"presetDistanceMeters", 1000.01});
        cases.put("distance missing", new Object[] {"presetDistanceMeters", null});
        cases.put("distance a string", new Object[] {"presetDistanceMeters", "5"});
        cases.put("txPower -101", new Object[] {"txPower", -101});
        cases.put("txPower 21", new Object[] {"txPower", 21});
        cases.put("txPower a float", new Object[] {"txPower", -59.5});
        cases.put("txPower missing", new Object[] {"txPower", null});
        cases.put("no channels", new Object[] {"channels", List.of()});
        cases.put("unknown channel", new Object[] {"channels[0]", List.of("WIFI")});
        cases.put("channel in lower case", new Object[] {"channels[1]", List.of("BLE", "ble")});
        cases.put("merchantId bad", new Object[] {"merchantId", "a b"});
        cases.put("eid key short", new Object[] {"eid.identityKey", Beacons.eid(key.substring(2), 10, null)});
        cases.put("eid key not hex", new Object[] {"eid.identityKey", Beacons.eid("z" + key.substring(1), 10, null)});
        cases.put("eid exponent 16", new Object[] {"eid.rotationExponent", Beacons.eid(key, 16, null)});
        cases.put("eid exponent -1", new Object[] {"eid.rotationExponent", Beacons.eid(key, -1, null)});
        cases.put("eid counter -1", new Object[] {"eid.timeCounter", Beacons.eid(key, 10, -1L)});
        cases.put("eid counter 2^32", new Object[] {"eid.timeCounter", Beacons.eid(key, 10, 1L << 32)});
        cases.put("eid without key", new Object[] {"eid.identityKey", Bodies.map("rotationExponent", 10)});
        cases.put("unknown field", new Object[] {"bogus", "x"});
        return cases.entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> {
            String id = Beacons.newId();
            String field = (String) c.getValue()[0];
            Object value = c.getValue()[1];
            String member = field.startsWith("eid.") ? "eid" : field.startsWith("page.") ? "page" : field.replaceAll("\\[\\d+]$", "");
            Map<String, Object> body = Beacons.body(id);
            if (field.startsWith("page.")) {
                body = Bodies.with(body, "page", Bodies.with(Beacons.page("https://shop.example/p", "P"), field.substring(5), value));
            } else {
                body = Bodies.with(body, member, value);
            }
            Expect.validation(kept(Beacons.post(body)), field);
            Expect.problem(Beacons.read(id), 404, "NOT_FOUND");
        }));
    }

    @Test
    @Order(3)
    void aMerchantMustExistAndIsOptional() {
        String id = Beacons.newId();
        Expect.problem(Beacons.post(Bodies.with(Beacons.body(id), "merchantId", Api.uniqueId("nobody"))), 422, "UNKNOWN_REFERENCE");
        Expect.problem(Beacons.read(id), 404, "NOT_FOUND");
        String merchant = Bank.merchant();
        JsonNode beacon = Expect.created(Beacons.post(Bodies.with(Beacons.body(id), "merchantId", merchant)));
        assertEquals(merchant, beacon.path("merchantId").asText());
    }

    @Test
    @Order(4)
    void aTriggerReachesTheDeviceAndIsAcknowledged() {
        String beacon = Beacons.register();
        Expect.ok(Api.as(beacon, "device").get(Endpoint.MY_INSTRUCTIONS.path()));
        assertEquals(0, Expect.ok(Api.as(beacon, "device").get(Endpoint.MY_INSTRUCTIONS.path())).path("items").size());

        Instant before = Instant.now();
        JsonNode trigger = Beacons.trigger(beacon, 600);
        String instructionId = trigger.path("instructionId").asText();
        assertTrue(Expect.ID.matcher(instructionId).matches(), () -> "instructionId: " + trigger);
        Instant until = Instant.parse(trigger.path("broadcastUntil").asText());
        assertTrue(!until.isBefore(before.plusSeconds(599)) && !until.isAfter(Instant.now().plusSeconds(601)), () -> "window: " + trigger);

        JsonNode instruction = awaitInstruction(beacon, instructionId);
        assertEquals("BROADCAST", instruction.path("type").asText());
        assertEquals(until, Instant.parse(instruction.path("broadcastUntil").asText()));
        assertEquals(1, Expect.ok(Api.as(beacon, "device").get(Endpoint.MY_INSTRUCTIONS.path())).path("items").size());

        Expect.problem(Api.as(Beacons.register(), "device").send("POST", Endpoint.ACK_INSTRUCTION.path(instructionId), null, null),
                404, "NOT_FOUND");
        Expect.noContent(Api.as(beacon, "device").send("POST", Endpoint.ACK_INSTRUCTION.path(instructionId), null, null));
        Expect.noContent(Api.as(beacon, "device").send("POST", Endpoint.ACK_INSTRUCTION.path(instructionId), null, null));
        assertEquals(0, Expect.ok(Api.as(beacon, "device").get(Endpoint.MY_INSTRUCTIONS.path())).path("items").size());
        Expect.problem(Api.as(beacon, "device").send("POST", Endpoint.ACK_INSTRUCTION.path(Api.uniqueId("ins")), null, null),
                404, "NOT_FOUND");
    }

    @Test
    @Order(5)
    void aNewTriggerReplacesTheWindowAndTheInstruction() {
        String beacon = Beacons.register();
        String first = Beacons.trigger(beacon, 600).path("instructionId").asText();
        awaitInstruction(beacon, first);
        JsonNode second = Beacons.trigger(beacon, 30);
        awaitInstruction(beacon, second.path("instructionId").asText());
        JsonNode pending = Expect.ok(Api.as(beacon, "device").get(Endpoint.MY_INSTRUCTIONS.path()));
        assertEquals(1, pending.path("items").size(), () -> "pending: " + pending);
        assertEquals(second.path("broadcastUntil").asText(),
                Expect.ok(Beacons.read(beacon)).path("broadcastUntil").asText());
    }

    @Test
    @Order(6)
    void badTriggersAre400AndAnUnknownBeacon404() {
        String beacon = Beacons.register();
        for (Object duration : new Object[] {0, -1, 86_401, 1.5, "60", null}) {
            Expect.validation(Api.admin().post(Endpoint.TRIGGER_BEACON.path(beacon), Bodies.json("durationSeconds", duration)),
                    "durationSeconds");
        }
        Expect.json(Api.admin().post(Endpoint.TRIGGER_BEACON.path(beacon), Bodies.json("durationSeconds", 86_400)), 202);
        Expect.problem(Api.admin().post(Endpoint.TRIGGER_BEACON.path(Beacons.newId()), Bodies.json("durationSeconds", 60)),
                404, "NOT_FOUND");
    }

    @Test
    @Order(7)
    void aSightingBeforeTheTriggerIsNotFoundThenInRangeGetsThePage() {
        String customer = Bank.customer();
        String beacon = Beacons.register();
        Expect.problem(Beacons.sight(customer, "beaconId", beacon, "rssi", -60), 404, "BEACON_NOT_FOUND");
        Expect.problem(Beacons.sight(customer, "beaconId", Beacons.newId(), "rssi", -60), 404, "BEACON_NOT_FOUND");

        Beacons.trigger(beacon, 600);
        // 10^((-59 - -65) / 20) = 1.995 m
        Answer answer = Beacons.sight(customer, "beaconId", beacon.toUpperCase(Locale.ROOT), "rssi", -65);
        JsonNode resolved = Expect.ok(answer);
        assertEquals(beacon, resolved.path("beaconId").asText());
        assertEquals(2.00, resolved.path("distanceMeters").asDouble(), 0.0, () -> Expect.describe(answer));
        assertTrue(answer.body().contains("\"distanceMeters\":2.00") || answer.body().contains("\"distanceMeters\":2.0"),
                () -> Expect.describe(answer));
        assertEquals("https://shop.example/offers/" + beacon, resolved.path("page").path("url").asText());
        assertEquals("Offer " + beacon, resolved.path("page").path("title").asText());
    }

    @Test
    @Order(8)
    void thePresetDistanceIsInclusiveAndFartherIsOutOfRange() {
        String customer = Bank.customer();
        String beacon = Beacons.register(Bodies.with(Beacons.body(Beacons.newId()), "presetDistanceMeters", 10));
        Beacons.trigger(beacon, 600);
        // -79: exactly 10.00 m; -80: 11.22 m
        assertEquals(10.0, Expect.ok(Beacons.sight(customer, "beaconId", beacon, "rssi", -79)).path("distanceMeters").asDouble());
        Expect.problem(Beacons.sight(customer, "beaconId", beacon, "rssi", -80), 422, "OUT_OF_RANGE");
        Expect.problem(Beacons.sight(customer, "beaconId", beacon, "rssi", -127), 422, "OUT_OF_RANGE");
        // -19: 10^(-40 / 20) = 0.01 m; 20: 0.0001 m, which is 0.00 to two decimals
        assertEquals(0.01, Expect.ok(Beacons.sight(customer, "beaconId", beacon, "rssi", -19)).path("distanceMeters").asDouble());
        assertEquals(0.0, Expect.ok(Beacons.sight(customer, "beaconId", beacon, "rssi", 20)).path("distanceMeters").asDouble());
    }

    @Test
    @Order(9)
    void aReplacedPageIsServedAtOnce() {
        String customer = Bank.customer();
        String beacon = Beacons.register();
        Beacons.trigger(beacon, 600);
        Map<String, Object> page = Bodies.map("url", "https://shop.example/new", "title", "New offer",
                "description", "Two for one", "iconUrl", "https://shop.example/new.png");
        JsonNode replaced = Expect.ok(Api.admin().put(Endpoint.REPLACE_BEACON_PAGE.path(beacon), Bodies.json(page)));
        assertEquals("https://shop.example/new", replaced.path("page").path("url").asText());
        JsonNode resolved = Expect.ok(Beacons.sight(customer, "beaconId", beacon, "rssi", -60));
        assertEquals("https://shop.example/new", resolved.path("page").path("url").asText());
        assertEquals("New offer", resolved.path("page").path("title").asText());
        assertEquals("Two for one", resolved.path("page").path("description").asText());
        assertEquals("https://shop.example/new.png", resolved.path("page").path("iconUrl").asText());

        Expect.validation(Api.admin().put(Endpoint.REPLACE_BEACON_PAGE.path(beacon),
                Bodies.json(Bodies.with(page, "url", "http://shop.example/new"))), "url");
        Expect.validation(Api.admin().put(Endpoint.REPLACE_BEACON_PAGE.path(beacon),
                Bodies.json(Bodies.with(page, "iconUrl", "http://shop.example/i.png"))), "iconUrl");
        Expect.validation(Api.admin().put(Endpoint.REPLACE_BEACON_PAGE.path(beacon), Bodies.json(Bodies.without(page, "title"))), "title");
        assertEquals("https://shop.example/new",
                Expect.ok(Beacons.sight(customer, "beaconId", beacon, "rssi", -60)).path("page").path("url").asText());
        Expect.problem(Api.admin().put(Endpoint.REPLACE_BEACON_PAGE.path(Beacons.newId()), Bodies.json(page)), 404, "NOT_FOUND");
    }

    @Test
    @Order(10)
    void channelsDecideHowTheDistanceIsTaken() {
        String customer = Bank.customer();
        String nfcOnly = Beacons.register(Bodies.with(Beacons.body(Beacons.newId()), "channels", List.of("NFC")));
        String acoustic = Beacons.register(Bodies.with(Bodies.with(Beacons.body(Beacons.newId()), "channels",
                List.of("BLE", "ACOUSTIC")), "presetDistanceMeters", 7.5));
        Beacons.trigger(nfcOnly, 600);
        Beacons.trigger(acoustic, 600);

        assertEquals(0.05, Expect.ok(Beacons.sight(customer, "beaconId", nfcOnly, "channel", "NFC")).path("distanceMeters").asDouble());
        Expect.problem(Beacons.sight(customer, "beaconId", nfcOnly, "rssi", -60), 422, "CHANNEL_NOT_SUPPORTED");
        Expect.problem(Beacons.sight(customer, "beaconId", acoustic, "channel", "NFC"), 422, "CHANNEL_NOT_SUPPORTED");
        assertEquals(7.5, Expect.ok(Beacons.sight(customer, "beaconId", acoustic, "channel", "ACOUSTIC")).path("distanceMeters").asDouble());
        Expect.problem(Beacons.sight(customer, "beaconId", acoustic, "channel", "ACOUSTIC", "rssi", -100), 422, "OUT_OF_RANGE");
        Expect.validation(Beacons.sight(customer, "beaconId", acoustic), "rssi");
        Expect.validation(Beacons.sight(customer, "beaconId", acoustic, "channel", "BLE"), "rssi");
    }

    @Test
    @Order(11)
    void badSightingsAre400NamingTheField() {
        String customer = Bank.customer();
        String beacon = Beacons.register();
        Beacons.trigger(beacon, 600);
        assertAll(
                () -> Expect.validation(Beacons.sight(customer, "rssi", -60), "beaconId"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon, "eid", "0011223344556677", "rssi", -60), "eid"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon.substring(1), "rssi", -60), "beaconId"),
                () -> Expect.validation(Beacons.sight(customer, "eid", "00112233445566", "rssi", -60), "eid"),
                () -> Expect.validation(Beacons.sight(customer, "eid", "001122334455667g", "rssi", -60), "eid"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon, "rssi", -128), "rssi"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon, "rssi", 21), "rssi"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon, "rssi", -60.5), "rssi"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon, "rssi", "-60"), "rssi"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon, "rssi", -60, "channel", "WIFI"), "channel"),
                () -> Expect.validation(Beacons.sight(customer, "beaconId", beacon, "rssi", -60, "bogus", 1), "bogus"),
                () -> Expect.validation(Api.as(customer, "customer").post(Endpoint.BEACON_SIGHTING.path(), "{"), new String[0]));
    }

    @Test
    @Order(12)
    void aDeactivatedBeaconIsNeverResolvedAgain() {
        String customer = Bank.customer();
        String beacon = Beacons.register();
        String instruction = Beacons.trigger(beacon, 600).path("instructionId").asText();
        awaitInstruction(beacon, instruction);
        Expect.ok(Beacons.sight(customer, "beaconId", beacon, "rssi", -60));

        Expect.noContent(Api.admin().delete(Endpoint.DEACTIVATE_BEACON.path(beacon)));
        Expect.noContent(Api.admin().delete(Endpoint.DEACTIVATE_BEACON.path(beacon)));
        Expect.problem(Beacons.sight(customer, "beaconId", beacon, "rssi", -60), 404, "BEACON_NOT_FOUND");
        assertEquals(0, Expect.ok(Api.as(beacon, "device").get(Endpoint.MY_INSTRUCTIONS.path())).path("items").size());
        Expect.problem(Api.admin().post(Endpoint.TRIGGER_BEACON.path(beacon), Bodies.json("durationSeconds", 60)), 404, "NOT_FOUND");
        assertFalse(Expect.ok(Beacons.read(beacon)).path("active").asBoolean(), "history kept, inactive");
        Expect.ok(Api.admin().get(Endpoint.BEACON_STATS.path(beacon)));
        Expect.problem(Api.admin().delete(Endpoint.DEACTIVATE_BEACON.path(Beacons.newId())), 404, "NOT_FOUND");
    }

    @Test
    @Order(13)
    void anEidBeaconIsResolvedInTheCurrentAndAdjacentPeriodsOnly() {
        String customer = Bank.customer();
        String key = identityKey();
        int k = 10;
        long period = 3_000_000L;
        // The middle of a period: the test's and the server's clocks agree to far better than 512 s.
        long timeCounter = (period << k) + 512;
        String beacon = Beacons.newId();
        JsonNode registered = Expect.created(kept(Beacons.post(Bodies.with(Beacons.body(beacon), "eid", Beacons.eid(key, k, timeCounter)))));
        assertEquals(k, registered.path("eid").path("rotationExponent").asInt(), () -> "eid: " + registered);
        assertTrue(registered.path("eid").path("identityKey").isMissingNode(), () -> "the key came back: " + registered);
        Beacons.trigger(beacon, 600);

        for (long p : new long[] {period, period - 1, period + 1}) {
            String eid = Beacons.eidAt(key, k, p << k);
            Answer answer = kept(Beacons.sight(customer, "eid", eid, "rssi", -60));
            assertEquals(beacon, Expect.ok(answer).path("beaconId").asText(), () -> "period " + p);
            Expect.ok(Beacons.sight(customer, "eid", eid.toUpperCase(Locale.ROOT), "rssi", -60));
        }
        for (long p : new long[] {period - 2, period + 2}) {
            Expect.problem(Beacons.sight(customer, "eid", Beacons.eidAt(key, k, p << k), "rssi", -60), 404, "BEACON_NOT_FOUND");
        }
        Expect.problem(Beacons.sight(customer, "beaconId", beacon, "rssi", -60), 404, "BEACON_NOT_FOUND");
        Expect.problem(Beacons.sight(customer, "eid", Beacons.eidAt(identityKey(), k, period << k), "rssi", -60), 404,
                "BEACON_NOT_FOUND");
        kept(Beacons.read(beacon));
    }

    @Test
    @Order(14)
    void theEidIndexFollowsTheRotation() {
        String customer = Bank.customer();
        String key = identityKey();
        int k = 2; // a new EID every 4 s
        String beacon = Beacons.newId();
        Expect.created(kept(Beacons.post(Bodies.with(Beacons.body(beacon), "eid", Beacons.eid(key, k, null)))));
        Beacons.trigger(beacon, 600);
        long registered = Instant.now().getEpochSecond();
        // The index at registration held up to two periods ahead; after 16 s only the timer's
        // refreshes can have put the current period's EID there.
        await(16, () -> false);
        long counter = Instant.now().getEpochSecond();
        assertTrue(counter - registered >= 16);
        Answer answer = Beacons.sight(customer, "eid", Beacons.eidAt(key, k, counter), "rssi", -60);
        assertEquals(beacon, Expect.ok(answer).path("beaconId").asText());
        Expect.problem(Beacons.sight(customer, "eid", Beacons.eidAt(key, k, registered - 8), "rssi", -60), 404, "BEACON_NOT_FOUND");
    }

    @Test
    @Order(15)
    void statisticsCountEverySightingAndEachVisitorOnce() {
        String beacon = Beacons.register();
        List<String> visitors = List.of(Bank.customer(), Bank.customer(), Bank.customer());
        int sightings = 0;
        Expect.problem(Beacons.sight(visitors.get(0), "beaconId", beacon, "rssi", -60), 404, "BEACON_NOT_FOUND");
        sightings++;
        Beacons.trigger(beacon, 600);
        for (int round = 0; round < 3; round++) {
            for (String visitor : visitors.subList(0, round + 1)) {
                Expect.ok(Beacons.sight(visitor, "beaconId", beacon, "rssi", -60));
                sightings++;
            }
        }
        Expect.problem(Beacons.sight(visitors.get(2), "beaconId", beacon, "rssi", -100), 422, "OUT_OF_RANGE");
        sightings++;
        Expect.validation(Beacons.sight(visitors.get(2), "beaconId", beacon), "rssi"); // refused: not a sighting
        int expected = sightings;
        JsonNode[] stats = new JsonNode[1];
        boolean counted = await(30, () -> {
            stats[0] = Expect.ok(Api.admin().get(Endpoint.BEACON_STATS.path(beacon)));
            return stats[0].path("sightings").asLong() == expected && stats[0].path("uniqueVisitors").asLong() == 3;
        });
        assertTrue(counted, () -> "expected " + expected + " sightings by 3 visitors: " + stats[0]);
        assertNotNull(Instant.parse(stats[0].path("lastSeenAt").asText()));
        await(2, () -> false);
        JsonNode later = Expect.ok(Api.admin().get(Endpoint.BEACON_STATS.path(beacon)));
        assertEquals(expected, later.path("sightings").asLong(), () -> "counted more than once: " + later);

        JsonNode fresh = Expect.ok(Api.admin().get(Endpoint.BEACON_STATS.path(Beacons.register())));
        assertEquals(0, fresh.path("sightings").asLong());
        assertEquals(0, fresh.path("uniqueVisitors").asLong());
        assertTrue(fresh.path("lastSeenAt").isMissingNode() || fresh.path("lastSeenAt").isNull());
        Expect.problem(Api.admin().get(Endpoint.BEACON_STATS.path(Beacons.newId())), 404, "NOT_FOUND");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void identityKeysNeverReachAnAnswerOrALogLine() throws IOException {
        String logs = serverLogs();
        List<Executable> checks = new ArrayList<>();
        List<String> keys;
        synchronized (IDENTITY_KEYS) {
            keys = List.copyOf(IDENTITY_KEYS);
        }
        assertTrue(keys.size() >= 3, "too few keys to mean anything");
        for (String key : keys) {
            for (String form : List.of(key, key.toUpperCase(Locale.ROOT))) {
                checks.add(() -> assertFalse(logs.contains(form), "identity key " + form + " in the server log"));
                ANSWERS.forEach(answer -> checks.add(() -> assertFalse(answer.body().toLowerCase(Locale.ROOT).contains(key),
                        () -> "identity key in an answer: " + Expect.describe(answer))));
            }
        }
        assertAll(checks);
    }

    private static String serverLogs() throws IOException {
        Path logDir = Path.of(System.getProperty("tillpoint.it.serverDir"), "log");
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                logs.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return logs.toString();
    }
}
