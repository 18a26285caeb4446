package dev.tillpoint.beacons;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How far a phone is from a beacon, estimated from what it heard. */
final class Distance {

    /** The path-loss exponent: free space (DESIGN.md). */
    static final int PATH_LOSS_EXPONENT = 2;
    /** Touch range: an NFC read needs no signal strength. */
    static final BigDecimal NFC_TOUCH_METERS = new BigDecimal("0.05");

    private Distance() {
    }

    /**
     * Log-distance path loss: rssi = txPower - 10 * n * log10(d), with txPower the calibrated RSSI at
     * 1 m, hence d = 10^((txPower - rssi) / (10 * n)) meters, n = 2. Rounded to 2 decimals (half up),
     * the value the phone is answered with and the one compared with the preset distance.
     */
    static BigDecimal fromRssi(int txPower, int rssi) {
        double meters = Math.pow(10.0, (txPower - rssi) / (10.0 * PATH_LOSS_EXPONENT));
        return BigDecimal.valueOf(meters).setScale(2, RoundingMode.HALF_UP);
    }

    /** The preset distance as an answer: 2 decimals. */
    static BigDecimal meters(double meters) {
        return BigDecimal.valueOf(meters).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Inclusive: a phone exactly at the preset distance is in range. Both sides at the answer's
     * two decimals, so that an ACOUSTIC sighting answered with the preset distance itself (2.345 m
     * shown as 2.35 m) is never out of its own range.
     */
    static boolean within(BigDecimal distanceMeters, double presetDistanceMeters) {
        return distanceMeters.compareTo(meters(presetDistanceMeters)) <= 0;
    }
}
