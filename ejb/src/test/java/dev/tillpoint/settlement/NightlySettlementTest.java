package dev.tillpoint.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NightlySettlementTest {

    private static final LocalTime TWO = LocalTime.of(2, 0);
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void aTimeoutOnTimeSettlesItsOwnCutOff() {
        assertEquals(Instant.parse("2026-12-07T02:00:00Z"), NightlySettlement.cutOffAt(TWO, UTC, Instant.parse("2026-12-07T02:00:00.004Z")));
    }

    @Test
    void aTimeoutAMomentEarlyStillSettlesItsOwnCutOff() {
        assertEquals(Instant.parse("2026-12-07T02:00:00Z"), NightlySettlement.cutOffAt(TWO, UTC, Instant.parse("2026-12-07T01:59:59.200Z")));
    }

    @Test
    void aLateTimeoutSettlesTheNightItMissed() {
        assertEquals(Instant.parse("2026-12-07T02:00:00Z"), NightlySettlement.cutOffAt(TWO, UTC, Instant.parse("2026-12-07T23:30:00Z")));
        assertEquals(Instant.parse("2026-12-06T02:00:00Z"), NightlySettlement.cutOffAt(TWO, UTC, Instant.parse("2026-12-07T01:58:00Z")));
    }

    @Test
    void theCutOffIsTheZonesWallClockTime() {
        // 02:00 in Berlin is 01:00 UTC in winter.
        assertEquals(Instant.parse("2026-12-07T01:00:00Z"),
                NightlySettlement.cutOffAt(TWO, ZoneId.of("Europe/Berlin"), Instant.parse("2026-12-07T01:00:01Z")));
    }
}
