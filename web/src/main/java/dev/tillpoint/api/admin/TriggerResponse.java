package dev.tillpoint.api.admin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.beacons.TriggerAnswer;

/** An accepted trigger: its instruction is on its way to the device. */
@Schema(name = "BeaconTriggerAccepted")
public record TriggerResponse(String instructionId, Instant broadcastUntil) {

    static TriggerResponse from(TriggerAnswer answer) {
        return new TriggerResponse(answer.instructionId(), answer.broadcastUntil());
    }
}
