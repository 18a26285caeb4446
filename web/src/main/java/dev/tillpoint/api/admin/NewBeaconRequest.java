package dev.tillpoint.api.admin;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.BeaconPageBody;
import dev.tillpoint.api.InputRules;
import dev.tillpoint.beacons.BeaconIds;
import dev.tillpoint.beacons.NewBeacon;

/**
 * Body of {@code POST /admin/beacons}.
 *
 * @param id                   Eddystone-UID, 32 hex (any case; stored lower-case)
 * @param merchantId           optional owner, which must exist (else 422)
 * @param presetDistanceMeters (0, 1000]
 * @param txPower              calibrated RSSI at 1 m, dBm
 * @param channels             optional, default ["BLE"]
 * @param page                 the bound page, https only
 * @param eid                  optional: makes it an Eddystone-EID beacon
 */
@Schema(name = "NewBeacon")
public record NewBeaconRequest(
        @Schema(required = true, pattern = BeaconIds.REGEX, examples = "8b0ca750e7a74e14bd99000000000001")
        @NotNull
        @Pattern(regexp = BeaconIds.REGEX, message = BeaconIds.MESSAGE)
        String id,

        @Schema(description = "Optional owner", pattern = InputRules.ID, examples = "corner-shop")
        @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE)
        String merchantId,

        @Schema(required = true, description = "Meters, more than 0 and at most 1000", examples = "5")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000")
        Double presetDistanceMeters,

        @Schema(required = true, description = "Calibrated RSSI at 1 m, dBm", minimum = "-100", maximum = "20",
                examples = "-59")
        @NotNull
        @Min(-100)
        @Max(20)
        Integer txPower,

        @Schema(type = SchemaType.ARRAY, description = "Default [\"BLE\"]", enumeration = {"BLE", "NFC", "ACOUSTIC"})
        @Size(min = 1, max = 3)
        List<@NotNull @Pattern(regexp = "BLE|NFC|ACOUSTIC", message = "must be BLE, NFC or ACOUSTIC") String> channels,

        @Schema(required = true)
        @NotNull
        @Valid
        BeaconPageBody page,

        @Schema(description = "Optional: Eddystone-EID registration (shared identity key)")
        @Valid
        EidRegistrationRequest eid) {

    NewBeacon toCommand() {
        return new NewBeacon(id, merchantId, presetDistanceMeters, txPower, channels, page.toPage(),
                eid == null ? null : eid.toRegistration());
    }
}
