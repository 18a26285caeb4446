package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.beacons.BeaconMessages;
import dev.tillpoint.beacons.BeaconPage;
import dev.tillpoint.beacons.BeaconRegistry;
import dev.tillpoint.beacons.BeaconStatsView;
import dev.tillpoint.beacons.BeaconView;
import dev.tillpoint.beacons.DeviceInstructions;
import dev.tillpoint.beacons.InstructionView;
import dev.tillpoint.beacons.NewBeacon;
import dev.tillpoint.beacons.SightingStatistics;
import dev.tillpoint.beacons.TriggerAnswer;
import dev.tillpoint.messaging.Destinations;
import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The beacon listeners inside the server, with real JMS and transactions: a redelivered trigger
 * creates no second instruction, a redelivered sighting is counted once, and a poison message ends
 * in the dead-letter queue after the configured attempts (five, 1 s growing x2: about 15 s).
 */
class BeaconMessagingIT extends InsideEarServices {

    private static final String PROBE_PROPERTY = "tillpointProbe";

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(BeaconMessagingIT.class, InsideEarServices.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "BeaconRegistry")
    BeaconRegistry registry;

    @EJB(lookup = EJB_MODULE + "DeviceInstructions")
    DeviceInstructions instructions;

    @EJB(lookup = EJB_MODULE + "SightingStatistics")
    SightingStatistics statistics;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.BEACON_TRIGGERS)
    Queue triggers;

    @Resource(lookup = Destinations.BEACON_SIGHTINGS)
    Queue sightings;

    @Resource(lookup = "java:/jms/queue/tillpoint/DeadLetters")
    Queue deadLetters;

    private String beacon() {
        String id = UUID.randomUUID().toString().replace("-", "");
        Result<BeaconView> registered = registry.register(new NewBeacon(id, null, 5.0, -59, null,
                new BeaconPage("https://inside.example/" + id, "Inside", null, null), null));
        assertInstanceOf(Result.Ok.class, registered);
        return id;
    }

    private static boolean await(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    private void send(Queue queue, String text, String probe) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TextMessage message = context.createTextMessage(text);
            if (probe != null) {
                message.setStringProperty(PROBE_PROPERTY, probe);
            }
            context.createProducer().send(queue, message);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Envelope sighting(String beaconId, String customerId) {
        return sightings(beaconId, customerId);
    }

    /** A batch as SightingBatch sends it: one sighting of the beacon per customer named (repeats allowed). */
    private static Envelope sightings(String beaconId, String... customerIds) {
        var batch = Json.createArrayBuilder();
        for (String customerId : customerIds) {
            batch.add(Json.createObjectBuilder().add("beaconId", beaconId).add("customerId", customerId)
                    .add("seenAt", Instant.now().toString()).add("outcome", "IN_RANGE"));
        }
        return new Envelope("msg_" + UUID.randomUUID(), BeaconMessages.SIGHTINGS, BeaconMessages.VERSION,
                Instant.now().truncatedTo(ChronoUnit.MICROS), Json.createObjectBuilder().add("sightings", batch).build());
    }

    private long sightingsOf(String beaconId) {
        return statistics.of(beaconId).map(BeaconStatsView::sightings).orElseThrow();
    }

    @Test
    void aRedeliveredTriggerCreatesNoSecondInstruction() throws Exception {
        String beacon = beacon();
        TriggerAnswer trigger = ((Result.Ok<TriggerAnswer>) instructions.trigger(beacon, 600)).value();
        assertTrue(await(30, () -> instructions.pendingFor(beacon).size() == 1), "the outbox message never arrived");

        Envelope redelivery = new Envelope("msg_" + UUID.randomUUID(), BeaconMessages.BROADCAST_INSTRUCTION,
                BeaconMessages.VERSION, Instant.now().truncatedTo(ChronoUnit.MICROS), Json.createObjectBuilder()
                .add("instructionId", trigger.instructionId()).add("beaconId", beacon)
                .add("broadcastUntil", trigger.broadcastUntil().toString()).build());
        inTransaction(() -> {
            instructions.deliver(redelivery);
            return null;
        });
        inTransaction(() -> {
            instructions.deliver(redelivery);
            return null;
        });
        send(triggers, redelivery.toJson(), null);
        send(triggers, redelivery.toJson(), null);
        Thread.sleep(2_000);
        List<InstructionView> pending = instructions.pendingFor(beacon);
        assertEquals(1, pending.size(), () -> "pending: " + pending);
        assertEquals(trigger.instructionId(), pending.get(0).instructionId());
    }

    @Test
    void aRedeliveredSightingIsCountedOnce() throws Exception {
        String beacon = beacon();
        Envelope once = sighting(beacon, "visitor-a");
        send(sightings, once.toJson(), null);
        send(sightings, once.toJson(), null);
        send(sightings, sighting(beacon, "visitor-b").toJson(), null);
        assertTrue(await(30, () -> sightingsOf(beacon) >= 2), "the sightings were not counted");
        Thread.sleep(2_000);
        assertEquals(2, sightingsOf(beacon), "the same message was counted twice");
        assertEquals(2, statistics.of(beacon).orElseThrow().uniqueVisitors());

        Envelope direct = sighting(beacon, "visitor-a");
        inTransaction(() -> statistics.count(direct));
        inTransaction(() -> statistics.count(direct));
        BeaconStatsView stats = statistics.of(beacon).orElseThrow();
        assertEquals(3, stats.sightings());
        assertEquals(2, stats.uniqueVisitors(), "a returning visitor is no new visitor");

        Envelope batch = sightings(beacon, "visitor-c", "visitor-a", "visitor-c", "visitor-d");
        assertEquals(4, (int) inTransaction(() -> statistics.count(batch)));
        assertEquals(0, (int) inTransaction(() -> statistics.count(batch)), "a redelivered batch is counted once");
        BeaconStatsView batched = statistics.of(beacon).orElseThrow();
        assertEquals(7, batched.sightings());
        assertEquals(4, batched.uniqueVisitors(), "each new customer of a batch once, a returning one not again");
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueue() throws Exception {
        String triggerProbe = "poison-" + UUID.randomUUID();
        String sightingProbe = "poison-" + UUID.randomUUID();
        send(triggers, "not an envelope", triggerProbe);
        send(sightings, sighting(UUID.randomUUID().toString().replace("-", ""), "nobody").toJson(), sightingProbe);
        assertTrue(await(90, () -> inDeadLetters(triggerProbe)), "the poison trigger message is not in tillpoint.dlq");
        assertTrue(await(30, () -> inDeadLetters(sightingProbe)), "the sighting of an unknown beacon is not in tillpoint.dlq");
    }

    @Test
    void aTriggerMessageForNoRecordedTriggerIsRefused() {
        String beacon = beacon();
        Envelope forged = new Envelope("msg_" + UUID.randomUUID(), BeaconMessages.BROADCAST_INSTRUCTION,
                BeaconMessages.VERSION, Instant.now().truncatedTo(ChronoUnit.MICROS), Json.createObjectBuilder()
                .add("instructionId", "ins_forged").add("beaconId", beacon)
                .add("broadcastUntil", Instant.now().plusSeconds(60).toString()).build());
        assertThrows(Exception.class, () -> inTransaction(() -> {
            instructions.deliver(forged);
            return null;
        }));
        assertEquals(0, instructions.pendingFor(beacon).size());
    }

    private boolean inDeadLetters(String probe) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(deadLetters, PROBE_PROPERTY + " = '" + probe + "'")) {
            return browser.getEnumeration().hasMoreElements();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
