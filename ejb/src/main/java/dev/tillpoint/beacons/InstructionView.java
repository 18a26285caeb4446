package dev.tillpoint.beacons;

import java.time.Instant;

/** A pending instruction of a device: broadcast your id until {@code broadcastUntil}. */
public record InstructionView(String instructionId, String type, Instant broadcastUntil) {
}
