package dev.tillpoint.beacons;

import java.util.List;

/**
 * Registers a beacon (admin).
 *
 * @param id                   the Eddystone-UID, 32 hex in any case
 * @param merchantId           optional owner, which must exist
 * @param presetDistanceMeters the range within which it is resolved, (0, 1000]
 * @param txPower              calibrated RSSI at 1 m in dBm, -100..20
 * @param channels             optional broadcast means ({@link Channel} names), default BLE only
 * @param page                 the bound page
 * @param eid                  optional: makes it an Eddystone-EID beacon
 */
public record NewBeacon(String id, String merchantId, Double presetDistanceMeters, Integer txPower,
        List<String> channels, BeaconPage page, EidRegistration eid) {
}
