package dev.tillpoint.beacons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** d = 10^((txPower - rssi) / (10 * 2)), to 2 decimals, compared inclusively. */
class DistanceTest {

    @Test
    void atTheCalibrationLevelThePhoneIsOneMeterAway() {
        assertEquals(new BigDecimal("1.00"), Distance.fromRssi(-59, -59));
    }

    @Test
    void everyTwentyDbIsAFactorOfTen() {
        assertEquals(new BigDecimal("10.00"), Distance.fromRssi(-59, -79));
        assertEquals(new BigDecimal("100.00"), Distance.fromRssi(-59, -99));
        assertEquals(new BigDecimal("0.10"), Distance.fromRssi(-59, -39));
    }

    @Test
    void roundsToTwoDecimals() {
        // 10^(6/20) = 1.99526...
        assertEquals(new BigDecimal("2.00"), Distance.fromRssi(-59, -65));
        // 10^(21/20) = 11.2201...
        assertEquals(new BigDecimal("11.22"), Distance.fromRssi(-59, -80));
    }

    @Test
    void thePresetDistanceIsInclusive() {
        assertTrue(Distance.within(new BigDecimal("10.00"), 10.0));
        assertFalse(Distance.within(new BigDecimal("10.01"), 10.0));
        assertTrue(Distance.within(Distance.meters(2.345), 2.345), "the preset distance is within itself once rounded");
        assertFalse(Distance.within(new BigDecimal("2.36"), 2.345));
    }
}
