package dev.tillpoint.beacons;

import dev.tillpoint.messaging.Destination;
import dev.tillpoint.messaging.Envelope;
import dev.tillpoint.messaging.Outbox;
import dev.tillpoint.messaging.ProcessedMessages;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Triggers and the instructions they send to devices: the admin's trigger records the broadcast
 * window and enqueues the instruction in one transaction; the trigger listener delivers it to the
 * device's pending instructions; the device reads and acknowledges them.
 */
@Stateless
public class DeviceInstructions {

    static final int MAX_DURATION_SECONDS = 86_400;
    static final String CONSUMER = "beacon-trigger-listener";
    private static final String INSTRUCTION_ID_PREFIX = "ins";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Outbox outbox;

    @EJB
    BeaconChanges changes;

    @EJB
    ProcessedMessages processedMessages;

    /**
     * Opens a broadcast window of {@code durationSeconds} from now (replacing any earlier one) and
     * sends the device its instruction through the outbox, both in this transaction.
     *
     * @return the instruction id and the window's end; {@code VALIDATION_FAILED} on
     *         {@code durationSeconds}; {@code NOT_FOUND} for an unknown or inactive beacon
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<TriggerAnswer> trigger(String beaconId, Integer durationSeconds) {
        if (durationSeconds == null || durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
            return Result.invalid("durationSeconds", "is required, 1..86400");
        }
        Beacon beacon = BeaconIds.canonical(beaconId).map(id -> em.find(Beacon.class, id)).orElse(null);
        if (beacon == null || !beacon.isActive()) {
            return Result.failure(ErrorCode.NOT_FOUND, "No active beacon with this id.");
        }
        changes.changed(beacon);
        Instant now = StoredTime.now(clock);
        Instant until = now.plusSeconds(durationSeconds);
        String instructionId = Ids.generate(INSTRUCTION_ID_PREFIX);
        em.persist(new BeaconTrigger(instructionId, beacon.id(), until, now));
        beacon.broadcastUntil(instructionId, until);
        outbox.enqueue(Destination.BEACON_TRIGGERS, BeaconMessages.BROADCAST_INSTRUCTION, BeaconMessages.VERSION,
                Json.createObjectBuilder()
                        .add("instructionId", instructionId)
                        .add("beaconId", beacon.id())
                        .add("broadcastUntil", until.toString())
                        .build());
        return Result.ok(new TriggerAnswer(instructionId, until));
    }

    /**
     * The trigger listener's one call: puts the instruction among the device's pending ones, once.
     * A redelivered message is skipped by its id, and the instruction's id is the trigger's, so even
     * a second message for one trigger creates no second instruction.
     *
     * @throws IllegalArgumentException for a message that is not a trigger instruction, or names a
     *                                  trigger that does not exist: poison, left to the dead-letter queue
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void deliver(Envelope envelope) {
        envelope.require(BeaconMessages.BROADCAST_INSTRUCTION, BeaconMessages.VERSION);
        JsonObject payload = envelope.payload();
        String instructionId = BeaconMessages.text(payload, "instructionId");
        String beaconId = BeaconMessages.text(payload, "beaconId");
        BeaconMessages.instant(payload, "broadcastUntil"); // read for its shape; the recorded trigger is authoritative
        if (!processedMessages.firstDelivery(CONSUMER, envelope.messageId())) {
            return;
        }
        BeaconTrigger trigger = Ids.isValid(instructionId) ? em.find(BeaconTrigger.class, instructionId) : null;
        if (trigger == null || !trigger.beaconId().equals(beaconId)) {
            throw new IllegalArgumentException("Message " + envelope.messageId() + " names no recorded trigger");
        }
        em.createNativeQuery("insert into beacon_instructions (id, beacon_id, type, broadcast_until, delivered_at)"
                        + " values (:id, :beaconId, :type, :broadcastUntil, :deliveredAt) on conflict do nothing")
                .setParameter("id", instructionId)
                .setParameter("beaconId", beaconId)
                .setParameter("type", BeaconInstruction.BROADCAST)
                .setParameter("broadcastUntil", trigger.broadcastUntil())
                .setParameter("deliveredAt", StoredTime.now(clock))
                .executeUpdate();
    }

    /**
     * The device's pending instructions: delivered, not acknowledged, not past their window, and of
     * the beacon's current trigger (a new trigger replaces the window). None for an inactive beacon.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InstructionView> pendingFor(String beaconId) {
        Optional<Beacon> beacon = BeaconIds.canonical(beaconId).map(id -> em.find(Beacon.class, id))
                .filter(Beacon::isActive).filter(b -> b.currentTriggerId() != null);
        if (beacon.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select i from BeaconInstruction i where i.id = :id and i.beaconId = :beaconId"
                        + " and i.acknowledgedAt is null and i.broadcastUntil > :now", BeaconInstruction.class)
                .setParameter("id", beacon.get().currentTriggerId())
                .setParameter("beaconId", beacon.get().id())
                .setParameter("now", StoredTime.now(clock))
                .getResultList().stream()
                .map(BeaconInstruction::view)
                .toList();
    }

    /**
     * Acknowledges one of the device's instructions; idempotent.
     *
     * @return {@code NOT_FOUND} when the device has no instruction with this id (another device's included)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<InstructionView> acknowledge(String beaconId, String instructionId) {
        Optional<String> id = BeaconIds.canonical(beaconId);
        BeaconInstruction instruction = Ids.isValid(instructionId) ? em.find(BeaconInstruction.class, instructionId) : null;
        if (id.isEmpty() || instruction == null || !instruction.belongsTo(id.get())) {
            return Result.failure(ErrorCode.NOT_FOUND, "No instruction with this id for this device.");
        }
        instruction.acknowledge(StoredTime.now(clock));
        return Result.ok(instruction.view());
    }
}
