package dev.tillpoint.beacons;

import java.math.BigDecimal;

/** A resolved sighting: the beacon, how far the phone is estimated to be (2 decimals), and its page. */
public record SightingAnswer(String beaconId, BigDecimal distanceMeters, BeaconPage page) {
}
