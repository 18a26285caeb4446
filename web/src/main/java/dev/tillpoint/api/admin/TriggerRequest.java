package dev.tillpoint.api.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /admin/beacons/{id}/trigger}: how long the beacon broadcasts from now. */
@Schema(name = "BeaconTrigger")
public record TriggerRequest(
        @Schema(required = true, minimum = "1", maximum = "86400", examples = "3600")
        @NotNull
        @Min(1)
        @Max(86_400)
        Integer durationSeconds) {
}
