package dev.tillpoint.api.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.beacons.EidRegistration;

/**
 * The {@code eid} of a beacon registration: the shared identity key, never returned or logged.
 *
 * @param identityKey      AES-128 identity key, 32 hex
 * @param rotationExponent K: a new EID every 2^K seconds
 * @param timeCounter      the beacon's own 32-bit seconds counter now; default Unix time
 */
@Schema(name = "EidRegistration")
public record EidRegistrationRequest(
        @Schema(required = true, description = "AES-128 identity key, 32 hex; never returned", pattern = "[0-9A-Fa-f]{32}")
        @NotNull
        @Pattern(regexp = "[0-9A-Fa-f]{32}", message = "must be 32 hex characters (an AES-128 key)")
        String identityKey,

        @Schema(required = true, minimum = "0", maximum = "15", examples = "10")
        @NotNull
        @Min(0)
        @Max(15)
        Integer rotationExponent,

        @Schema(description = "The beacon's 32-bit seconds counter at registration; default Unix time",
                minimum = "0", maximum = "4294967295")
        @Min(0)
        @Max(4_294_967_295L)
        Long timeCounter) {

    EidRegistration toRegistration() {
        return new EidRegistration(identityKey, rotationExponent, timeCounter);
    }

    /** Never prints the identity key, whoever logs this record. */
    @Override
    public String toString() {
        return "EidRegistrationRequest[identityKey=<hidden>, rotationExponent=" + rotationExponent
                + ", timeCounter=" + timeCounter + "]";
    }
}
