package dev.tillpoint.beacons;

import java.time.Instant;

/**
 * An EID beacon's clock as the resolver keeps it: the beacon's own 32-bit seconds counter runs at
 * {@code Unix seconds + counterOffsetSeconds} (modulo 2^32), and its rotation period is the counter
 * shifted right by the rotation exponent.
 *
 * <p>A counter that wraps around 2^32 (in 2106 for a Unix-time counter) restarts the period
 * numbers at 0; the previous/next-period tolerance does not bridge that single instant.
 */
record EidClock(int rotationExponent, long counterOffsetSeconds) {

    EidClock {
        if (rotationExponent < 0 || rotationExponent > EddystoneEid.MAX_ROTATION_EXPONENT) {
            throw new IllegalArgumentException("The rotation exponent is 0..15");
        }
    }

    /** The clock of a beacon whose counter reads {@code timeCounter} at {@code now}. */
    static EidClock registeredAt(int rotationExponent, long timeCounter, Instant now) {
        return new EidClock(rotationExponent, timeCounter - now.getEpochSecond());
    }

    long counterAt(Instant instant) {
        return Math.floorMod(instant.getEpochSecond() + counterOffsetSeconds, EddystoneEid.COUNTER_MODULUS);
    }

    long periodAt(Instant instant) {
        return counterAt(instant) >>> rotationExponent;
    }

    /** When the period that {@code instant} is in ends: the next roll of the EID. */
    Instant periodEndAfter(Instant instant) {
        long counter = counterAt(instant);
        long periodSeconds = 1L << rotationExponent;
        long secondsLeft = periodSeconds - (counter & (periodSeconds - 1));
        return Instant.ofEpochSecond(instant.getEpochSecond() + secondsLeft);
    }

    /** The largest period number the counter reaches before it wraps. */
    long lastPeriod() {
        return (EddystoneEid.COUNTER_MODULUS - 1) >>> rotationExponent;
    }
}
