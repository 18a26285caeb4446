package dev.tillpoint.beacons;

import java.time.Instant;

/** A recorded trigger: the instruction on its way to the device, and the window it opened. */
public record TriggerAnswer(String instructionId, Instant broadcastUntil) {
}
