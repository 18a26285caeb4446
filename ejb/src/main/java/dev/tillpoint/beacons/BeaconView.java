package dev.tillpoint.beacons;

import java.time.Instant;
import java.util.List;

/**
 * A registered beacon as the admin sees it; never its identity key.
 *
 * @param eidRotationExponent null unless it is an EID beacon
 * @param broadcastUntil      the end of its last trigger's window, null before the first
 */
public record BeaconView(String id, String merchantId, double presetDistanceMeters, int txPower,
        List<Channel> channels, BeaconPage page, Integer eidRotationExponent, boolean active, Instant broadcastUntil) {
}
