package dev.tillpoint.beacons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The resolver's copy of a beacon's clock, and which periods it accepts. */
class EidClockTest {

    private static final Instant REGISTERED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void keepsTheBeaconsCounterOffsetFromUnixTime() {
        EidClock clock = EidClock.registeredAt(10, 5_000_000L, REGISTERED);
        assertEquals(5_000_000L, clock.counterAt(REGISTERED));
        assertEquals(5_000_060L, clock.counterAt(REGISTERED.plusSeconds(60)));
        assertEquals(5_000_000L >>> 10, clock.periodAt(REGISTERED));
    }

    @Test
    void theDefaultCounterIsUnixTime() {
        EidClock clock = EidClock.registeredAt(0, REGISTERED.getEpochSecond(), REGISTERED);
        assertEquals(0, clock.counterOffsetSeconds());
        assertEquals(REGISTERED.getEpochSecond(), clock.counterAt(REGISTERED));
    }

    @Test
    void thePeriodRollsEveryTwoToTheKSeconds() {
        long counter = 1024L * 7000 + 1000; // 24 s before period 7001 begins
        EidClock clock = EidClock.registeredAt(10, counter, REGISTERED);
        assertEquals(7000, clock.periodAt(REGISTERED.plusSeconds(23)));
        assertEquals(7001, clock.periodAt(REGISTERED.plusSeconds(24)));
        assertEquals(REGISTERED.plusSeconds(24), clock.periodEndAfter(REGISTERED));
        assertEquals(REGISTERED.plusSeconds(24 + 1024), clock.periodEndAfter(REGISTERED.plusSeconds(24)));
    }

    @Test
    void wrapsAt32Bits() {
        EidClock clock = EidClock.registeredAt(0, 0xFFFF_FFFFL, REGISTERED);
        assertEquals(0, clock.counterAt(REGISTERED.plusSeconds(1)));
    }

    @Test
    void acceptsOnePeriodOfDriftEitherWayAndNoMore() {
        assertTrue(EidIndex.matches(100, 100));
        assertTrue(EidIndex.matches(99, 100));
        assertTrue(EidIndex.matches(101, 100));
        assertFalse(EidIndex.matches(98, 100));
        assertFalse(EidIndex.matches(102, 100));
    }
}
