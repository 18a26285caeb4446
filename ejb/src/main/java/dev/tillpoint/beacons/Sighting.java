package dev.tillpoint.beacons;

/**
 * What a phone uploads: exactly one of the beacon's fixed id and its current EID, what it heard
 * and on which channel.
 *
 * @param rssi    dBm, -127..20; required for BLE
 * @param channel a {@link Channel} name; null for BLE
 */
public record Sighting(String beaconId, String eid, Integer rssi, String channel) {
}
